using System.Globalization;

namespace Waymark.Engine.Kernels.Sequences;

/// <summary>
/// A pattern over numbered event conditions in ClickHouse's <c>sequenceMatch</c> syntax, such as
/// <c>(?1).*(?2)(?t&lt;=3600)(?3)</c>:
/// <list type="bullet">
/// <item><c>(?N)</c> — an event satisfying condition N (1-based);</item>
/// <item><c>.</c> — any one event; <c>.*</c> — any number of events, zero included (events are only
/// those that satisfy at least one of the query's conditions);</item>
/// <item><c>(?t&lt;=N)</c>, <c>(?t&lt;N)</c>, <c>(?t&gt;=N)</c>, <c>(?t&gt;N)</c>, <c>(?t==N)</c> — the time
/// in seconds between the event matched before it and the one matched after it; events may lie
/// between the two (see docs/kernels/sequences.md for ClickHouse's exact rules, which we follow).</item>
/// </list>
/// No spaces are allowed, as in ClickHouse. A pattern matches anywhere in a subject's events (it
/// is searched for, not anchored).
/// </summary>
public sealed class SequencePattern
{
    /// <summary>The most <c>(?N)</c> and <c>.</c> elements a pattern may hold.</summary>
    public const int MaxEventSteps = 63;

    /// <summary>The most conditions a pattern may refer to (ClickHouse's limit).</summary>
    public const int MaxConditions = 32;

    /// <summary>The largest N of a time element, in seconds (its milliseconds must fit a 64-bit integer).</summary>
    public const long MaxSeconds = long.MaxValue / 1000;

    private SequencePattern(string text, int conditionCount, SequenceStep[] steps)
    {
        Text = text;
        ConditionCount = conditionCount;
        Steps = steps;
        foreach (var step in steps)
        {
            HasTimeSteps |= step.IsTime;
            if (step.Kind == SequenceStepKind.Condition)
            {
                ConditionsUsed |= 1u << (step.Condition - 1);
            }
        }
    }

    /// <summary>The pattern as written.</summary>
    public string Text { get; }

    /// <summary>How many conditions the pattern was parsed against.</summary>
    public int ConditionCount { get; }

    /// <summary>The elements in order.</summary>
    public IReadOnlyList<SequenceStep> Steps { get; }

    /// <summary>True when the pattern has a <c>(?t op N)</c> element.</summary>
    public bool HasTimeSteps { get; }

    /// <summary>Bit <c>N-1</c> set for every condition N the pattern names.</summary>
    public uint ConditionsUsed { get; }

    /// <summary>The pattern's text.</summary>
    public override string ToString() => Text;

    /// <summary>
    /// Parses a pattern that refers to conditions 1 to <paramref name="conditionCount"/>.
    /// </summary>
    /// <exception cref="SequencePatternException">The pattern is not valid; the error names the position and what was expected.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="conditionCount"/> is not between 1 and 32.</exception>
    public static SequencePattern Parse(string pattern, int conditionCount)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentOutOfRangeException.ThrowIfLessThan(conditionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(conditionCount, MaxConditions);
        return new SequencePattern(pattern, conditionCount, new Parser(pattern, conditionCount).Run());
    }

    private ref struct Parser(string text, int conditionCount)
    {
        private int _position;

        public SequenceStep[] Run()
        {
            var steps = new List<SequenceStep>();
            var eventSteps = 0;
            while (_position < text.Length)
            {
                var start = _position;
                var step = Next(start);
                if (step.IsTime && steps.Count > 0 && steps[^1].IsTime)
                {
                    Fail(start, "'(?N)', '.' or '.*' before a time condition (two time conditions in a row)");
                }

                if (!step.IsTime && step.Kind != SequenceStepKind.AnyEvents && ++eventSteps > MaxEventSteps)
                {
                    Fail(start, $"at most {MaxEventSteps} '(?N)' and '.' elements");
                }

                steps.Add(step);
            }

            return [.. steps];
        }

        private SequenceStep Next(int start)
        {
            if (Take("(?"))
            {
                var step = Take("t") ? Time(start) : Condition(start);
                if (!Take(")"))
                {
                    Fail(_position, "')'");
                }

                return step;
            }

            if (Take(".*"))
            {
                return new SequenceStep(SequenceStepKind.AnyEvents, 0, 0, start);
            }

            if (Take("."))
            {
                return new SequenceStep(SequenceStepKind.AnyEvent, 0, 0, start);
            }

            Fail(start, "'(?N)', '(?t op N)', '.' or '.*'");
            return default;
        }

        private SequenceStep Condition(int start)
        {
            var at = _position;
            var expected = $"a condition number from 1 to {conditionCount}";
            var number = Number(expected, MaxSeconds);
            if (number < 1 || number > conditionCount)
            {
                Fail(at, expected);
            }

            return new SequenceStep(SequenceStepKind.Condition, (int)number, 0, start);
        }

        private SequenceStep Time(int start)
        {
            SequenceStepKind kind;
            if (Take("<="))
            {
                kind = SequenceStepKind.TimeAtMost;
            }
            else if (Take("<"))
            {
                kind = SequenceStepKind.TimeLess;
            }
            else if (Take(">="))
            {
                kind = SequenceStepKind.TimeAtLeast;
            }
            else if (Take(">"))
            {
                kind = SequenceStepKind.TimeMore;
            }
            else if (Take("=="))
            {
                kind = SequenceStepKind.TimeExactly;
            }
            else
            {
                Fail(_position, "a time comparison '<=', '<', '>=', '>' or '==' after '(?t'");
                return default;
            }

            return new SequenceStep(kind, 0, Number("a number of seconds", MaxSeconds), start);
        }

        private long Number(string expected, long max)
        {
            var at = _position;
            _ = Take("+");
            var digits = _position;
            while (_position < text.Length && char.IsAsciiDigit(text[_position]))
            {
                _position++;
            }

            if (_position == digits)
            {
                Fail(at, expected);
            }

            if (!long.TryParse(text.AsSpan(digits, _position - digits), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > max)
            {
                Fail(at, $"{expected} (at most {max})");
            }

            return value;
        }

        private bool Take(string token)
        {
            if (!text.AsSpan(_position).StartsWith(token, StringComparison.Ordinal))
            {
                return false;
            }

            _position += token.Length;
            return true;
        }

        private readonly void Fail(int at, string expected)
        {
            var found = at >= text.Length ? "end of pattern"
                : $"'{(text.Length - at > 12 ? string.Concat(text.AsSpan(at, 12), "…") : text[at..])}'";
            throw new SequencePatternException(text, at, expected, found);
        }
    }
}
