namespace Waymark.Formats.Text;

/// <summary>
/// The keys seen at one level of a JSON object, to reject a repeated key. Objects are small, so
/// keys are compared linearly in one reused byte buffer; a large object switches to a hash set.
/// </summary>
internal sealed class ObjectKeys
{
    private const int LinearLimit = 32;

    private readonly List<(int Start, int Length)> _ranges = [];
    private readonly HashSet<string> _large = new(StringComparer.Ordinal);
    private byte[] _bytes = new byte[512];
    private int _used;

    public void Clear()
    {
        _ranges.Clear();
        _large.Clear();
        _used = 0;
    }

    /// <summary>Adds a key; false when it was already there.</summary>
    public bool Add(ReadOnlySpan<byte> key)
    {
        if (_ranges.Count >= LinearLimit)
        {
            return AddLarge(key);
        }

        foreach (var (start, length) in _ranges)
        {
            if (key.SequenceEqual(_bytes.AsSpan(start, length)))
            {
                return false;
            }
        }

        if (_used + key.Length > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _used + key.Length));
        }

        key.CopyTo(_bytes.AsSpan(_used));
        _ranges.Add((_used, key.Length));
        _used += key.Length;
        return true;
    }

    private bool AddLarge(ReadOnlySpan<byte> key)
    {
        if (_large.Count == 0)
        {
            foreach (var (start, length) in _ranges)
            {
                _large.Add(System.Text.Encoding.UTF8.GetString(_bytes, start, length));
            }
        }

        return _large.Add(System.Text.Encoding.UTF8.GetString(key));
    }
}
