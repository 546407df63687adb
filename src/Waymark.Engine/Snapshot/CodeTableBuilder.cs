namespace Waymark.Engine.Snapshot;

/// <summary>A growing list of texts with their codes, for <see cref="EventLog.Builder"/>.</summary>
internal sealed class CodeTableBuilder
{
    private string?[] _values;
    private int _count;
    private Dictionary<string, int>? _codes;

    public CodeTableBuilder(CodeTable? start = null)
    {
        _values = new string?[Math.Max(16, start?.Count ?? 0)];
        if (start is not null)
        {
            Array.Copy(start.RawValues, _values, start.Count);
            _count = start.Count;
        }
    }

    public int Count => _count;

    /// <summary>Replaces the table by the store's own codes; the store only ever adds codes.</summary>
    public void Reset(IReadOnlyList<string?> values)
    {
        _values = new string?[Math.Max(16, values.Count)];
        for (var i = 0; i < values.Count; i++)
        {
            _values[i] = values[i];
        }

        _count = values.Count;
        _codes = null;
    }

    /// <summary>Makes room for codes up to <paramref name="code"/> (a store code not yet named).</summary>
    public void Cover(int code)
    {
        if (code >= _count)
        {
            Grow(code + 1);
            _count = code + 1;
        }
    }

    public int Intern(string value)
    {
        _codes ??= CodeTable.Lookup(_values, _count);
        if (_codes.TryGetValue(value, out var code))
        {
            return code;
        }

        Grow(_count + 1);
        code = _count++;
        _values[code] = value;
        _codes.Add(value, code);
        return code;
    }

    public CodeTable Build() => new(_values[.._count], _count);

    private void Grow(int needed)
    {
        if (needed > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(needed, _values.Length * 2));
        }
    }
}
