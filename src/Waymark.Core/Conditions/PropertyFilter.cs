namespace Waymark.Core.Conditions;

/// <summary>How a <see cref="PropertyFilter"/> compares a property (or trait) with its operand.</summary>
public enum Comparison
{
    /// <summary>Equal to the operand (numbers compare as numbers, everything else as text); a JSON list is equal when one of its items is.</summary>
    Equal,

    /// <summary>Not equal to the operand; an absent property is not equal to anything.</summary>
    NotEqual,

    /// <summary>Equal to one of the operands.</summary>
    In,

    /// <summary>A number greater than the operand.</summary>
    GreaterThan,

    /// <summary>A number greater than or equal to the operand.</summary>
    GreaterThanOrEqual,

    /// <summary>A number less than the operand.</summary>
    LessThan,

    /// <summary>A number less than or equal to the operand.</summary>
    LessThanOrEqual,

    /// <summary>The property is present (with any value, null included).</summary>
    Exists,

    /// <summary>The property is absent.</summary>
    Missing,
}

/// <summary>
/// One test on a property of an event or a trait of a subject, as in a journey map's
/// <c>where: { severity: critical }</c> or a cohort's <c>segment: [smb, mid-market]</c>.
/// Operands are text; a property holding a JSON number is compared as a number when the operand
/// parses as one, booleans as <c>true</c>/<c>false</c>, and strings as they are (ordinal).
/// </summary>
/// <param name="Key">The property or trait name (top level of the JSON object).</param>
/// <param name="Comparison">How to compare.</param>
/// <param name="Operands">One operand, several for <see cref="Comparison.In"/>, none for <see cref="Comparison.Exists"/> and <see cref="Comparison.Missing"/>.</param>
public sealed record PropertyFilter(string Key, Comparison Comparison, IReadOnlyList<string> Operands)
{
    /// <summary><c>key = value</c>.</summary>
    public static PropertyFilter Equal(string key, string value) => new(key, Comparison.Equal, [value]);

    /// <summary><c>key IN (values)</c>.</summary>
    public static PropertyFilter In(string key, params string[] values) => new(key, Comparison.In, values);

    /// <summary>A numeric comparison such as <c>key &gt; 3</c>.</summary>
    public static PropertyFilter Compare(string key, Comparison comparison, double value) =>
        new(key, comparison, [value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)]);

    /// <summary>Says the filter in the map syntax, for messages.</summary>
    public override string ToString() => Comparison switch
    {
        Comparison.Equal => $"{Key} = {Operands[0]}",
        Comparison.NotEqual => $"{Key} != {Operands[0]}",
        Comparison.In => $"{Key} in [{string.Join(", ", Operands)}]",
        Comparison.GreaterThan => $"{Key} > {Operands[0]}",
        Comparison.GreaterThanOrEqual => $"{Key} >= {Operands[0]}",
        Comparison.LessThan => $"{Key} < {Operands[0]}",
        Comparison.LessThanOrEqual => $"{Key} <= {Operands[0]}",
        Comparison.Exists => $"{Key} exists",
        _ => $"{Key} missing",
    };
}
