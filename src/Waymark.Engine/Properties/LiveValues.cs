using Waymark.Core.Conditions;
using Waymark.Engine.Filters;

namespace Waymark.Engine.Properties;

/// <summary>
/// Property values that arrive one event at a time (the journey tracker's), coded as a snapshot's
/// <see cref="PropertyColumn"/> codes them: the same JSON text gets the same code, 0 is "absent".
/// Not thread-safe.
/// </summary>
public sealed class LivePropertyCodes
{
    /// <summary>The values seen so far and their codes.</summary>
    public PropertyValues Values { get; } = new();

    /// <summary>The code of a value's JSON text, adding it when new; 0 for null (absent).</summary>
    public int Code(string? json) => json is null ? 0 : Values.Intern(json);
}

/// <summary>
/// A <see cref="PropertyFilter"/> over values that arrive one event at a time, decided exactly as a
/// compiled snapshot filter decides it (numbers as numbers, text ordinal, absent passing only
/// <c>missing</c>), once per distinct value. Not thread-safe.
/// </summary>
public sealed class LivePropertyFilter(PropertyFilter filter)
{
    private readonly LivePropertyCodes _codes = new();
    private readonly List<bool> _passes = [];

    /// <summary>The filter decided.</summary>
    public PropertyFilter Filter { get; } = filter;

    /// <summary>True when a property with this JSON text (null: absent) passes.</summary>
    public bool Passes(string? json)
    {
        var code = _codes.Code(json);
        while (_passes.Count <= code)
        {
            _passes.Add(ValueTable.Passes(Filter, _codes.Values, _passes.Count));
        }

        return _passes[code];
    }
}
