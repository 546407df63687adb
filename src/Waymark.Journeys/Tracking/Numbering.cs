namespace Waymark.Journeys.Tracking;

/// <summary>
/// Numbers strings from 0 in first-seen order. One thread gives numbers while the journeys' workers
/// read the strings of numbers given before: the string array is only replaced by a full copy.
/// </summary>
internal sealed class Numbering
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private string[] _strings = new string[64];

    public string this[int number] => Volatile.Read(ref _strings)[number];

    /// <summary>The number of <paramref name="text"/>, given when new; -1 for null.</summary>
    public int Of(string? text)
    {
        if (text is null)
        {
            return -1;
        }

        if (!_numbers.TryGetValue(text, out var number))
        {
            number = _numbers.Count;
            if (number == _strings.Length)
            {
                var larger = new string[number * 2];
                Array.Copy(_strings, larger, number);
                Volatile.Write(ref _strings, larger);
            }

            _strings[number] = text;
            _numbers.Add(text, number);
        }

        return number;
    }
}
