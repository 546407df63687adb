using System.Diagnostics;
using System.Globalization;
using System.Text;
using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Writes small property objects straight to JSON text. Keys and string values come from the
/// simulator's own vocabularies and ids, which never need escaping; integers only, so no
/// culture or float formatting is involved.
/// </summary>
internal sealed class JsonText
{
    private readonly StringBuilder _text = new(128);

    public JsonText Str(string key, string value)
    {
        Debug.Assert(value.AsSpan().IndexOfAny('"', '\\') < 0);
        Sep().Append('"').Append(key).Append("\":\"").Append(value).Append('"');
        return this;
    }

    public JsonText Num(string key, long value)
    {
        Sep().Append('"').Append(key).Append("\":").Append(CultureInfo.InvariantCulture, $"{value}");
        return this;
    }

    public Properties Build()
    {
        var json = _text.Append('}').ToString();
        _text.Clear();
        return Properties.FromTrustedJson(json);
    }

    private StringBuilder Sep() => _text.Append(_text.Length == 0 ? '{' : ',');
}
