using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Waymark.Core.Journeys.Reading;

/// <summary>A YAML node with the 1-based line and column where it starts.</summary>
internal abstract class YNode(Mark start)
{
    public long Line { get; } = start.Line;

    public long Column { get; } = start.Column;

    /// <summary>Says what the node is, for "found …" in messages.</summary>
    public abstract string Describe();
}

/// <summary>A scalar; <see cref="IsNull"/> for an empty, <c>~</c> or <c>null</c> plain scalar.</summary>
internal sealed class YScalar(Mark start, string value, bool plain) : YNode(start)
{
    public string Value { get; } = value;

    /// <summary>True when written without quotes, so <c>true</c>, <c>12</c> and <c>null</c> are not text.</summary>
    public bool Plain { get; } = plain;

    public bool IsNull => Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "nothing" : $"'{Value}'";
}

internal sealed class YSequence(Mark start, List<YNode> items) : YNode(start)
{
    public IReadOnlyList<YNode> Items { get; } = items;

    public override string Describe() => "a list";
}

internal sealed class YMapping(Mark start, List<KeyValuePair<YNode, YNode>> entries) : YNode(start)
{
    public IReadOnlyList<KeyValuePair<YNode, YNode>> Entries { get; } = entries;

    public override string Describe() => "a mapping";
}

/// <summary>
/// Reads YAML text into <see cref="YNode"/>s with YamlDotNet's low-level parser, so every node
/// keeps its position and duplicate keys stay visible (the caller reports them). Aliases resolve to
/// the anchored node. Only the first document is returned; <see cref="DocumentCount"/> says how many there were.
/// </summary>
internal sealed class YamlTree
{
    private readonly Dictionary<string, YNode> _anchors = new(StringComparer.Ordinal);
    private readonly Parser _parser;

    private YamlTree(string text) => _parser = new Parser(new StringReader(text));

    public int DocumentCount { get; private set; }

    /// <summary>Parses the text; throws <see cref="YamlException"/> (with its position) when it is not YAML.</summary>
    public static (YNode? Root, int Documents) Load(string text)
    {
        var tree = new YamlTree(text);
        try
        {
            return tree.LoadDocuments();
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way at some unclosed flow collections; say where reading stopped.
            var at = tree._parser.Current?.End ?? Mark.Empty;
            throw new YamlException(at, at, "cannot read past here: a { or [ may be left open, or a quote unclosed");
        }
    }

    private (YNode? Root, int Documents) LoadDocuments()
    {
        YNode? root = null;
        _parser.Consume<StreamStart>();
        while (_parser.TryConsume<DocumentStart>(out _))
        {
            var node = ReadNode();
            _parser.Consume<DocumentEnd>();
            root ??= node;
            DocumentCount++;
        }

        _parser.Consume<StreamEnd>();
        return (root, DocumentCount);
    }

    private YNode ReadNode()
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML stream");
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                return _anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}'");
            case Scalar scalar:
                _parser.MoveNext();
                return Remember(scalar.Anchor, new YScalar(scalar.Start, scalar.Value, scalar.Style == ScalarStyle.Plain));
            case SequenceStart start:
                {
                    _parser.MoveNext();
                    var items = new List<YNode>();
                    var node = Remember(start.Anchor, new YSequence(start.Start, items));
                    while (!_parser.TryConsume<SequenceEnd>(out _))
                    {
                        items.Add(ReadNode());
                    }

                    return node;
                }

            case MappingStart start:
                {
                    _parser.MoveNext();
                    var entries = new List<KeyValuePair<YNode, YNode>>();
                    var node = Remember(start.Anchor, new YMapping(start.Start, entries));
                    while (!_parser.TryConsume<MappingEnd>(out _))
                    {
                        var key = ReadNode();
                        entries.Add(new(key, ReadNode()));
                    }

                    return node;
                }

            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
    }

    private T Remember<T>(AnchorName anchor, T node)
        where T : YNode
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        return node;
    }
}
