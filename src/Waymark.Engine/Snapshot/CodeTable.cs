using System.Collections;

namespace Waymark.Engine.Snapshot;

/// <summary>
/// The text behind each code of a dictionary-encoded column (event names, subject ids): code
/// <c>c</c> stands for <c>this[c]</c>. Codes of a store may have gaps, which hold null.
/// Immutable; the lookup from text to code is built on first use.
/// </summary>
public sealed class CodeTable : IReadOnlyList<string?>
{
    private readonly string?[] _values;
    private readonly int _count;
    private Dictionary<string, int>? _codes;

    internal CodeTable(string?[] values, int count)
    {
        _values = values;
        _count = count;
    }

    /// <summary>A table of the given texts, code = position.</summary>
    public static CodeTable Of(IReadOnlyList<string?> values)
    {
        var copy = new string?[values.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return new CodeTable(copy, copy.Length);
    }

    /// <summary>How many codes the table holds.</summary>
    public int Count => _count;

    /// <summary>The text of a code (null for a gap).</summary>
    public string? this[int index] => (uint)index < (uint)_count ? _values[index] : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Finds the code of a text; false when the table does not hold it.</summary>
    public bool TryGetCode(string value, out int code)
    {
        var codes = _codes ?? BuildLookup();
        return codes.TryGetValue(value, out code);
    }

    /// <summary>The code of a text, or -1 when the table does not hold it.</summary>
    public int CodeOf(string value) => TryGetCode(value, out var code) ? code : -1;

    /// <inheritdoc />
    public IEnumerator<string?> GetEnumerator()
    {
        for (var i = 0; i < _count; i++)
        {
            yield return _values[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal string?[] RawValues => _values;

    /// <summary>Text to code for the first <paramref name="count"/> values (gaps skipped; the first code of a text wins).</summary>
    internal static Dictionary<string, int> Lookup(string?[] values, int count)
    {
        var codes = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            if (values[i] is { } value)
            {
                codes.TryAdd(value, i);
            }
        }

        return codes;
    }

    private Dictionary<string, int> BuildLookup()
    {
        Interlocked.CompareExchange(ref _codes, Lookup(_values, _count), null);
        return _codes!;
    }
}
