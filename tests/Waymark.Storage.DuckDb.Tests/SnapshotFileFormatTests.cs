using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb.Tests;

/// <summary>Freezes the snapshot file's format 1: a change of layout must come with a new format version.</summary>
public sealed class SnapshotFileFormatTests
{
    // Header: magic, version 1, kind 0, rows 3, 2 names, 3 subjects, 3 person codes, row hashes
    // 0x1111 and 0x2222, 1 partition, fingerprint of 3 bytes, length 223, the front's and the
    // header's XXH3; the front: "1:9", the remap, the tables (lengths, byte count, UTF-8) and the
    // partition directory (0, 3, 3); then the partition's offsets, times, names, rows and their
    // chained XXH3.
    private const string Golden =
        "574D4B534E415000010000000000000003000000020000000300000003000000" +
        "111100000000000022220000000000000100000003000000DF00000000000000" +
        "F58976529B6D6640432E9DF0409836A1313A3900000000000000000200000006" +
        "000000060000000C0000007369676E656476696577656402000000FFFFFFFF02" +
        "000000040000007031C3A9000000000300000003000000000000000100000001" +
        "00000003000000D007000000000000F401000000000000E80300000000000000" +
        "00000000000000010000000100000002000000000000004FF18946886D53E6";

    private static EventLog TinyLog()
    {
        var builder = new EventLog.Builder(SubjectKind.Person);
        builder.SetSubjectIds(["p1", null, "é"]);
        builder.SetNames(["signed", "viewed"]);
        builder.Add([2, 0, 2], [1_000, 2_000, 500], [1, 0, 0], [0, 1, 2]);
        return builder.Build();
    }

    [Fact]
    public void Write_TinySnapshot_IsByteForByteFormatOne()
    {
        using var db = new TempDatabase();
        var path = System.IO.Path.Combine(db.Folder, "tiny.snapshot-person");

        SnapshotFile.Write(path, TinyLog(), new SnapshotStamp(3, 0x1111, 0x2222, "1:9", [0, 0, 2]));

        Assert.Equal(Golden, Convert.ToHexString(File.ReadAllBytes(path)));
        Assert.Equal("WMKSNAP\0"u8.ToArray(), File.ReadAllBytes(path)[..8]);
        Assert.Equal(1, SnapshotFile.FormatVersion);
    }

    [Fact]
    public void Read_GoldenBytes_GiveBackTheSnapshotAndStamp()
    {
        using var db = new TempDatabase();
        var path = System.IO.Path.Combine(db.Folder, "tiny.snapshot-person");
        File.WriteAllBytes(path, Convert.FromHexString(Golden));

        var status = SnapshotFile.Read(path, SubjectKind.Person, out var contents);

        Assert.Equal(SnapshotFileStatus.Loaded, status);
        Assert.Equal(["p1", null, "é"], contents!.Subjects);
        Assert.Equal(["signed", "viewed"], contents.Names);
        Assert.Equal((3, 0x1111UL, 0x2222UL, "1:9"), (contents.Stamp.SourceRows, contents.Stamp.FirstRowHash, contents.Stamp.LastRowHash, contents.Stamp.Ties));
        Assert.Equal([0, 0, 2], contents.Stamp.Remap);
        var partition = Assert.Single(contents.Partitions);
        Assert.Equal([0, 1, 1, 3], partition.Offsets.ToArray());
        Assert.Equal([2_000L, 500, 1_000], partition.Times.ToArray());
        Assert.Equal([0, 0, 1], partition.Names.ToArray());
        Assert.Equal([1, 2, 0], partition.Rows.ToArray());
    }

    [Fact]
    public void Read_FileOfTheOtherSubjectKind_IsNotUsed()
    {
        using var db = new TempDatabase();
        var path = System.IO.Path.Combine(db.Folder, "tiny.snapshot-person");
        SnapshotFile.Write(path, TinyLog(), new SnapshotStamp(3, 0x1111, 0x2222, "1:9", [0, 0, 2]));

        Assert.Equal(SnapshotFileStatus.Corrupt, SnapshotFile.Read(path, SubjectKind.Account, out var contents));
        Assert.Null(contents);
    }
}
