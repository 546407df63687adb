using Waymark.Storage.DuckDb.Ingest;

namespace Waymark.Storage.DuckDb.Tests.Ingest;

public sealed class Utf8ColumnTests
{
    [Fact]
    public void AddRange_Keep_RemoveFirst_KeepValuesNullsAndOrder()
    {
        var source = new Utf8Column();
        string?[] values = ["a", null, "", "héllo", null, "z"];
        foreach (var value in values)
        {
            source.Add(value);
        }

        var column = new Utf8Column();
        column.Add("first");
        column.AddRange(source, 1, 4);
        Assert.Equal("first|null||héllo|null", Strings(column));

        column.Keep([true, false, true, true, true]);
        Assert.Equal("first||héllo|null", Strings(column));

        column.RemoveFirst(2);
        column.AddRange(source, 4, 2);
        Assert.Equal("héllo|null|null|z", Strings(column));
        Assert.True(column.IsNull(1));
        Assert.False(source.IsNull(2));
    }

    private static string Strings(Utf8Column column) =>
        string.Join('|', Enumerable.Range(0, column.Count).Select(row => column.GetString(row) ?? "null"));
}
