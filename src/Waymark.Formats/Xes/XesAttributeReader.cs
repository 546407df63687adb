using System.Text;
using System.Xml;
using Waymark.Core.Model;

namespace Waymark.Formats.Xes;

/// <summary>
/// Reads one XES attribute element (with everything nested in it) into an <see cref="XesValue"/>.
/// A bad attribute does not stop the reading: the element is consumed to its end, the first
/// problem is kept in <see cref="Problem"/>, and the caller rejects the record it belongs to.
/// </summary>
internal sealed class XesAttributeReader
{
    // One builder per nesting depth, reused: an attribute's children are built while its parent's builder is open.
    private readonly List<PropertiesBuilder> _nested = [];

    /// <summary>The keys, types and values read since <see cref="Begin"/>, as one text: the record's identity.</summary>
    public StringBuilder Raw { get; } = new(512);

    /// <summary>The first problem met since <see cref="Begin"/>, or null.</summary>
    public XesProblem? Problem { get; private set; }

    /// <summary>Starts a new record: forgets the raw text and the problem.</summary>
    public void Begin()
    {
        Raw.Clear();
        Problem = null;
    }

    /// <summary>Records a problem found by the caller, unless one is already known.</summary>
    public void Fail(string expected, string? found, IXmlLineInfo at) => Fail(new XesProblem(expected, found, at.LineNumber, at.LinePosition));

    /// <summary>Records a problem found by the caller, unless one is already known.</summary>
    public void Fail(XesProblem problem) => Problem ??= problem;

    /// <summary>
    /// Reads the attribute element the reader is on and leaves the reader on the node after it.
    /// <paramref name="key"/> is empty when the element has none.
    /// </summary>
    public XesValue Read(XmlReader reader, out string key) => Read(reader, 0, keyRequired: true, out key);

    private XesValue Read(XmlReader reader, int depth, bool keyRequired, out string key)
    {
        var type = reader.LocalName;
        var at = (IXmlLineInfo)reader;
        (long line, long column) = (at.LineNumber, at.LinePosition);
        var givenKey = reader.GetAttribute("key");
        key = givenKey ?? "";
        var raw = reader.GetAttribute("value");
        Raw.Append((char)('0' + Math.Min(depth, 9))).Append(type).Append('\u001f').Append(key).Append('\u001f').Append(raw).Append('\u001e');
        if (givenKey is null && keyRequired)
        {
            Fail($"a key attribute on <{type}>", "none", line, column);
        }

        if (type is not ("string" or "id" or "int" or "float" or "boolean" or "date" or "list" or "container"))
        {
            Fail("an XES attribute element (string, date, int, float, boolean, id, list, container)", $"<{type}>", line, column);
            reader.Skip();
            return default;
        }

        var own = type switch
        {
            "list" => XesValue.List([]),
            "container" => XesValue.Object(null, Properties.Empty),
            _ => Scalar(type, key, raw, line, column),
        };
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return own;
        }

        return type == "list" ? ReadList(reader, depth) : ReadChildren(reader, depth, own, type == "container");
    }

    private XesValue Scalar(string type, string key, string? raw, long line, long column)
    {
        if (raw is null)
        {
            Fail($"a value attribute on <{type} key=\"{key}\">", "none", line, column);
            return XesValue.String("");
        }

        if (XesScalars.TryParse(type, raw, out var value))
        {
            return value;
        }

        Fail($"attribute '{key}' of type {type} to hold {XesScalars.Describe(type)}", $"'{raw}'", line, column);
        return XesValue.String(raw);
    }

    // Nested attributes turn the attribute into an object: its own value under "value", then each child by key.
    private XesValue ReadChildren(XmlReader reader, int depth, XesValue own, bool container)
    {
        var builder = NestedBuilder(depth);
        if (!container)
        {
            own.AddTo(builder, "value");
        }

        var children = 0;
        reader.Read();
        while (reader.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
                continue;
            }

            var child = Read(reader, depth + 1, keyRequired: true, out var childKey);
            child.AddTo(builder, childKey);
            children++;
        }

        reader.Read();
        if (children == 0 && !container)
        {
            builder.Clear();
            return own;
        }

        return XesValue.Object(own.Raw, builder.Build());
    }

    // A list holds its items in <values>; items directly inside the list are taken as items too.
    private XesValue ReadList(XmlReader reader, int depth)
    {
        var items = new List<string>();
        reader.Read();
        while (reader.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (reader.NodeType != XmlNodeType.Element)
            {
                reader.Read();
            }
            else if (reader.LocalName == "values")
            {
                ReadValues(reader, depth, items);
            }
            else
            {
                items.Add(Read(reader, depth + 1, keyRequired: false, out _).ToJson());
            }
        }

        reader.Read();
        return XesValue.List([.. items]);
    }

    private void ReadValues(XmlReader reader, int depth, List<string> items)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return;
        }

        reader.Read();
        while (reader.NodeType is not (XmlNodeType.EndElement or XmlNodeType.None))
        {
            if (reader.NodeType == XmlNodeType.Element)
            {
                items.Add(Read(reader, depth + 1, keyRequired: false, out _).ToJson());
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
    }

    private PropertiesBuilder NestedBuilder(int depth)
    {
        while (_nested.Count <= depth)
        {
            _nested.Add(new PropertiesBuilder());
        }

        return _nested[depth];
    }

    private void Fail(string expected, string? found, long line, long column)
    {
        Problem ??= new XesProblem(expected, found, line, column);
    }
}
