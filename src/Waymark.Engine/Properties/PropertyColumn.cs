namespace Waymark.Engine.Properties;

/// <summary>
/// One event property across a snapshot: per partition, per event position, the code of its
/// value in <see cref="Values"/> (0 when the event does not have it).
/// </summary>
public sealed class PropertyColumn
{
    internal readonly int[][] CodesByPartition;

    internal PropertyColumn(string key, PropertyValues values, int[][] codesByPartition)
    {
        Key = key;
        Values = values;
        CodesByPartition = codesByPartition;
    }

    /// <summary>The property name.</summary>
    public string Key { get; }

    /// <summary>The distinct values and their codes.</summary>
    public PropertyValues Values { get; }

    /// <summary>The value codes of one partition's events, by position.</summary>
    public ReadOnlySpan<int> Codes(int partition) => CodesByPartition[partition];
}

/// <summary>One subject trait across a snapshot: per subject code, the code of its value (0 when absent).</summary>
public sealed class TraitColumn
{
    internal readonly int[] CodeArray;

    internal TraitColumn(string key, PropertyValues values, int[] codes)
    {
        Key = key;
        Values = values;
        CodeArray = codes;
    }

    /// <summary>The trait name.</summary>
    public string Key { get; }

    /// <summary>The distinct values and their codes.</summary>
    public PropertyValues Values { get; }

    /// <summary>The value code of each subject code.</summary>
    public ReadOnlySpan<int> Codes => CodeArray;
}
