using Waymark.Core.Errors;
using Waymark.Tests;
using Waymark.Twins.ChDb;

namespace Waymark.Twins.Tests.ChDb;

[Collection(ChDbCollection.Name)]
public sealed class ChDbSessionTests
{
    [Fact]
    public void SelectOnePlusOne_IsTwo()
    {
        using var session = ChDbSession.Open();

        Assert.Equal("2\n", session.Query("SELECT 1 + 1"));
        Assert.Equal(2, session.Scalar("SELECT 1 + 1"));
        Assert.StartsWith("26.", session.EngineVersion, StringComparison.Ordinal);
    }

    [Fact]
    public void SyntaxError_ThrowsClickHouseMessageAndTheSql()
    {
        using var session = ChDbSession.Open();
        const string Sql = "SELEC 1";

        var error = Assert.Throws<ChDbException>(() => session.Query(Sql));

        Assert.Equal(62, error.Code);
        Assert.Contains("Syntax error", error.ClickHouseMessage, StringComparison.Ordinal);
        Assert.Contains("SYNTAX_ERROR", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sql, error.Sql);
        Assert.Contains(Sql, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_CreatedInOneCall_IsQueriedInTheNext()
    {
        using var session = ChDbSession.Open();

        session.Execute("CREATE TABLE t (id UInt32, label String) ENGINE = MergeTree ORDER BY id");
        session.Execute("INSERT INTO t SELECT number, concat('n', toString(number)) FROM numbers(1000)");

        Assert.Equal(1000, session.Scalar("SELECT count() FROM t"));
        Assert.Equal(499_500UL, session.Scalar<ulong>("SELECT sum(id) FROM t"));
        var rows = session.Rows("SELECT id, label FROM t WHERE id IN (7, 998) ORDER BY id");
        Assert.Equal([["7", "n7"], ["998", "n998"]], rows);
    }

    [Fact]
    public void UnknownTable_ThrowsWithItsCode()
    {
        using var session = ChDbSession.Open();

        var error = Assert.Throws<ChDbException>(() => session.Execute("SELECT * FROM missing"));

        Assert.Equal(60, error.Code); // UNKNOWN_TABLE
    }

    [Fact]
    public void Rows_UnescapeTabSeparatedFieldsAndNull()
    {
        using var session = ChDbSession.Open();

        // UNION ALL gives no order in ClickHouse (its branches run in parallel), hence the key.
        var rows = session.Rows(@"SELECT a, b, c, d, e FROM (SELECT 1 AS k, 'a\tb' AS a, 'x\ny' AS b, 'back\\slash' AS c, NULL AS d, '' AS e UNION ALL SELECT 2, 'é', '', '', 'z', 'w') ORDER BY k");

        Assert.Equal(2, rows.Count);
        Assert.Equal<string?[]>([["a\tb", "x\ny", @"back\slash", null, ""], ["é", "", "", "z", "w"]], rows);
    }

    [Fact]
    public void Query_InAnotherFormat_ReturnsThatFormat()
    {
        using var session = ChDbSession.Open();

        var json = session.Query("SELECT 3 AS n, 'x' AS s", "JSONEachRow");

        Assert.Equal("{\"n\":3,\"s\":\"x\"}\n", json);
    }

    [Fact]
    public void Execute_ReportsClickHousesTimeAndRowsRead_WithoutAResult()
    {
        using var session = ChDbSession.Open();
        session.Execute("CREATE TABLE t (x UInt64) ENGINE = MergeTree ORDER BY x");
        session.Execute("INSERT INTO t SELECT number FROM numbers(100000)");
        const string Sql = "SELECT x % 10 AS k, count() FROM t WHERE x >= 10 GROUP BY k";

        var stats = session.Execute(Sql);

        Assert.Equal(0UL, stats.ResultRows);
        Assert.InRange(stats.StorageRowsRead, 99_990UL, 100_000UL);
        Assert.InRange(stats.StorageBytesRead, 8 * stats.StorageRowsRead, 16 * stats.StorageRowsRead);
        Assert.InRange(stats.Elapsed, TimeSpan.FromTicks(1), TimeSpan.FromSeconds(30));
        Assert.Equal(stats, session.LastStats);
    }

    [Fact]
    public void Query_ReportsTheRowsOfItsResult()
    {
        using var session = ChDbSession.Open();

        var text = session.Query("SELECT number % 10 AS k, count() FROM numbers(1000) GROUP BY k ORDER BY k");

        Assert.Equal(10, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(10UL, session.LastStats.ResultRows);
        Assert.Equal(1000UL, session.LastStats.StorageRowsRead);
    }

    [Fact]
    public void Scalar_OfSomethingElse_Throws()
    {
        using var session = ChDbSession.Open();

        Assert.Throws<WaymarkException>(() => session.Scalar("SELECT 'x'"));
        Assert.Throws<WaymarkException>(() => session.Scalar("SELECT 1, 2"));
        Assert.Throws<WaymarkException>(() => session.Scalar("SELECT number FROM numbers(2)"));
        Assert.Equal(0.5, session.Scalar<double>("SELECT 1 / 2"));
    }

    [Fact]
    public void SecondSession_WhileOneIsOpen_Throws_ThenOpensOnceItIsClosed()
    {
        using (var first = ChDbSession.Open())
        {
            first.Execute("CREATE TABLE t (x UInt8) ENGINE = MergeTree ORDER BY x");
            Assert.Throws<InvalidOperationException>(() => ChDbSession.Open());
        }

        // Another data folder: libchdb accepts it only once the first connection is closed.
        using var second = ChDbSession.Open();
        Assert.Equal(0, second.Scalar("SELECT count() FROM system.tables WHERE database = currentDatabase() AND name = 't'"));
    }

    [Fact]
    public void Dispose_DeletesItsOwnTemporaryFolder_KeepsAGivenOne()
    {
        using var given = new TempFolder();
        string temporary;
        using (var session = ChDbSession.Open())
        {
            temporary = session.DataPath;
            Assert.True(Directory.Exists(temporary));
        }

        using (var session = ChDbSession.Open(given.Path))
        {
            session.Execute("CREATE TABLE kept (x UInt8) ENGINE = MergeTree ORDER BY x");
            session.Execute("INSERT INTO kept VALUES (1), (2)");
        }

        Assert.False(Directory.Exists(temporary));
        using var reopened = ChDbSession.Open(given.Path);
        Assert.Equal(2, reopened.Scalar("SELECT count() FROM kept"));
    }

    [Fact]
    public void Query_AfterDispose_Throws()
    {
        var session = ChDbSession.Open();
        session.Dispose();
        session.Dispose();

        Assert.Throws<ObjectDisposedException>(() => session.Query("SELECT 1"));
    }

    [Fact]
    public void NullDereference_WhileASessionIsOpen_IsStillAManagedException()
    {
        // Regression guard: chDB's own SIGSEGV handler would take the signal that .NET turns
        // into NullReferenceException; the binding switches chDB's handlers off before connecting.
        using var session = ChDbSession.Open();
        string? nothing = Environment.GetEnvironmentVariable("WAYMARK_SURELY_UNSET_" + Guid.NewGuid().ToString("N"));

        Assert.Throws<NullReferenceException>(() => nothing!.Length);
        Assert.Equal(1, session.Scalar("SELECT 1"));
    }

    [Fact]
    public void Session_RunsInUtc_WhateverTheMachinesZone()
    {
        using var session = ChDbSession.Open();

        Assert.Equal<string?[]>(
            [["UTC", "1735689600"]],
            session.Rows("SELECT timezone(), toUnixTimestamp(toDateTime('2025-01-01 00:00:00'))"));
    }
}
