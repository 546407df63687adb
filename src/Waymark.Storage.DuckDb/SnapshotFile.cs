using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The file beside the store that keeps a built snapshot (one per subject kind), so that a new
/// process reads 16 bytes an event back instead of building again from DuckDB. Format 1, all
/// numbers little-endian: an 80-byte header — magic <c>WMKSNAP\0</c>, format version, subject
/// kind, the <see cref="SnapshotStamp"/> (rows covered, first and last row hashes, person codes,
/// the fingerprint's length), name and subject code counts, partition count, the file's length,
/// the XXH3 of the front and the XXH3 of the header before it; the front: the fingerprint
/// (UTF-8), the remap, the name and subject tables (each: lengths, -1 for a gap; byte count;
/// UTF-8 bytes) and per partition its first subject, subject count and event count; then each
/// partition's offsets, times, names and rows followed by their XXH3, so that partitions are read
/// and checked in parallel. Written to a temporary file, flushed to disk and renamed over the old
/// one, so a reader sees the old file, the new one or none; a file that is short, fails a
/// checksum or has another version is not used. A stale file costs a build, never a wrong
/// answer: the store checks the stamp before using it.
/// </summary>
internal static class SnapshotFile
{
    /// <summary>The format this build writes and reads. Bump it on any change of layout or meaning.</summary>
    public const int FormatVersion = 1;

    /// <summary>The header's length in bytes.</summary>
    public const int HeaderBytes = 80;

    private static ReadOnlySpan<byte> Magic => "WMKSNAP\0"u8;

    /// <summary>A snapshot read back: its tables, partitions and stamp.</summary>
    public sealed record Contents(CodeTable Subjects, CodeTable Names, EventLogPartition[] Partitions, SnapshotStamp Stamp);

    /// <summary>The file of a store's snapshot of one subject kind: <c>waymark.db.snapshot-person</c>, beside the store.</summary>
    public static string PathOf(string storePath, SubjectKind kind) =>
        $"{Path.GetFullPath(storePath)}.snapshot-{kind.ToString().ToLowerInvariant()}";

    /// <summary>Writes the snapshot and its stamp to <paramref name="path"/> atomically (temporary file, flush, rename).</summary>
    public static void Write(string path, EventLog log, SnapshotStamp stamp)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                stream.Write(new byte[HeaderBytes]);
                var front = WriteBody(new ChecksumStream(stream), log, stamp);
                stream.Position = 0;
                stream.Write(Header(log, stamp, stream.Length, front));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Reads the snapshot of <paramref name="kind"/> at <paramref name="path"/>; the status says why not when it cannot.</summary>
    public static SnapshotFileStatus Read(string path, SubjectKind kind, out Contents? contents)
    {
        contents = null;
        if (!BitConverter.IsLittleEndian)
        {
            return SnapshotFileStatus.Missing;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var header = new byte[HeaderBytes];
            if (stream.Length < HeaderBytes)
            {
                return SnapshotFileStatus.Corrupt;
            }

            stream.ReadExactly(header);
            var status = CheckHeader(header, kind, stream.Length);
            if (status != SnapshotFileStatus.Loaded)
            {
                return status;
            }

            var read = ReadBody(stream, new ChecksumStream(stream), header);
            if (read is null)
            {
                return SnapshotFileStatus.Corrupt;
            }

            contents = read;
            return SnapshotFileStatus.Loaded;
        }
        catch (FileNotFoundException)
        {
            return SnapshotFileStatus.Missing;
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException or UnauthorizedAccessException or AggregateException)
        {
            // A file cut short (even while partitions were read in parallel), with sizes that do not add up, or unreadable: build again.
            return SnapshotFileStatus.Corrupt;
        }
    }

    private static byte[] Header(EventLog log, SnapshotStamp stamp, long length, ulong frontChecksum)
    {
        var header = new byte[HeaderBytes];
        var span = header.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], FormatVersion);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], (int)log.SubjectKind);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], stamp.SourceRows);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], log.Names.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], log.Subjects.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], stamp.Remap.Length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[32..], stamp.FirstRowHash);
        BinaryPrimitives.WriteUInt64LittleEndian(span[40..], stamp.LastRowHash);
        BinaryPrimitives.WriteInt32LittleEndian(span[48..], log.Partitions.Count);
        BinaryPrimitives.WriteInt32LittleEndian(span[52..], Encoding.UTF8.GetByteCount(stamp.Ties));
        BinaryPrimitives.WriteInt64LittleEndian(span[56..], length);
        BinaryPrimitives.WriteUInt64LittleEndian(span[64..], frontChecksum);
        BinaryPrimitives.WriteUInt64LittleEndian(span[72..], System.IO.Hashing.XxHash3.HashToUInt64(span[..72]));
        return header;
    }

    private static SnapshotFileStatus CheckHeader(byte[] header, SubjectKind kind, long length)
    {
        var span = header.AsSpan();
        // Magic and version come first: another version may lay out the rest of its header otherwise.
        if (!span[..8].SequenceEqual(Magic))
        {
            return SnapshotFileStatus.Corrupt;
        }

        if (BinaryPrimitives.ReadInt32LittleEndian(span[8..]) != FormatVersion)
        {
            return SnapshotFileStatus.OtherVersion;
        }

        if (BinaryPrimitives.ReadUInt64LittleEndian(span[72..]) != System.IO.Hashing.XxHash3.HashToUInt64(span[..72])
            || BinaryPrimitives.ReadInt32LittleEndian(span[12..]) != (int)kind || BinaryPrimitives.ReadInt64LittleEndian(span[56..]) != length)
        {
            return SnapshotFileStatus.Corrupt;
        }

        return SnapshotFileStatus.Loaded;
    }

    /// <summary>Writes the front and the partitions; returns the front's checksum, which goes in the header.</summary>
    private static ulong WriteBody(ChecksumStream body, EventLog log, SnapshotStamp stamp)
    {
        body.Write(Encoding.UTF8.GetBytes(stamp.Ties));
        body.Write<int>(stamp.Remap);
        WriteTable(body, log.Names);
        WriteTable(body, log.Subjects);
        foreach (var partition in log.Partitions)
        {
            body.Write<int>([partition.FirstSubject, partition.SubjectCount, partition.EventCount]);
        }

        var front = body.Checksum;
        foreach (var partition in log.Partitions)
        {
            var hash = Chain(Chain(Chain(Chain(0, MemoryMarshal.AsBytes(partition.Offsets)), MemoryMarshal.AsBytes(partition.Times)),
                MemoryMarshal.AsBytes(partition.Names)), MemoryMarshal.AsBytes(partition.Rows));
            body.Stream.Write(MemoryMarshal.AsBytes(partition.Offsets));
            body.Stream.Write(MemoryMarshal.AsBytes(partition.Times));
            body.Stream.Write(MemoryMarshal.AsBytes(partition.Names));
            body.Stream.Write(MemoryMarshal.AsBytes(partition.Rows));
            body.Stream.Write(BitConverter.GetBytes(hash));
        }

        return front;
    }

    private static Contents? ReadBody(FileStream stream, ChecksumStream body, byte[] header)
    {
        var span = header.AsSpan();
        var ties = Encoding.UTF8.GetString(body.ReadArray<byte>(BinaryPrimitives.ReadInt32LittleEndian(span[52..])));
        var remap = body.ReadArray<int>(BinaryPrimitives.ReadInt32LittleEndian(span[28..]));
        var names = ReadTable(body, BinaryPrimitives.ReadInt32LittleEndian(span[20..]));
        var subjects = ReadTable(body, BinaryPrimitives.ReadInt32LittleEndian(span[24..]));
        var directory = body.ReadArray<int>(checked(3 * BinaryPrimitives.ReadInt32LittleEndian(span[48..])));
        if (body.Checksum != BinaryPrimitives.ReadUInt64LittleEndian(span[64..]))
        {
            return null;
        }

        var partitions = ReadPartitions(stream, directory);
        if (partitions is null)
        {
            return null;
        }

        var stamp = new SnapshotStamp(
            BinaryPrimitives.ReadInt32LittleEndian(span[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[32..]),
            BinaryPrimitives.ReadUInt64LittleEndian(span[40..]),
            ties,
            remap);
        return new Contents(subjects, names, partitions, stamp);
    }

    /// <summary>Reads and checks the partitions the directory lists, in parallel; null when one fails its checksum or the sizes do not fill the file.</summary>
    private static EventLogPartition[]? ReadPartitions(FileStream stream, int[] directory)
    {
        var count = directory.Length / 3;
        var starts = new long[count + 1];
        starts[0] = stream.Position;
        for (var p = 0; p < count; p++)
        {
            var (subjectCount, events) = (directory[(3 * p) + 1], directory[(3 * p) + 2]);
            if (subjectCount < 0 || events < 0)
            {
                return null;
            }

            starts[p + 1] = starts[p] + (4L * (subjectCount + 1)) + (16L * events) + 8;
        }

        if (starts[count] != stream.Length)
        {
            return null;
        }

        var partitions = new EventLogPartition?[count];
        Parallel.For(0, count, p => partitions[p] = ReadPartition(stream.SafeFileHandle, starts[p], directory.AsSpan(3 * p, 3)));
        return Array.TrueForAll(partitions, p => p is not null) ? Array.ConvertAll(partitions, p => p!) : null;
    }

    private static EventLogPartition? ReadPartition(Microsoft.Win32.SafeHandles.SafeFileHandle file, long at, ReadOnlySpan<int> entry)
    {
        var (first, subjectCount, events) = (entry[0], entry[1], entry[2]);
        ulong hash = 0;
        var offsets = Read(file, Allocate<int>(subjectCount + 1), ref at, ref hash);
        var times = Read(file, Allocate<long>(events), ref at, ref hash);
        var names = Read(file, Allocate<int>(events), ref at, ref hash);
        var rows = Read(file, Allocate<int>(events), ref at, ref hash);
        var stored = hash;
        if (Read(file, new ulong[1], ref at, ref stored)[0] != hash)
        {
            return null;
        }

        try
        {
            return EventLogPartition.FromArrays(first, offsets, times, names, rows);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// A partition's checksum: the XXH3 of each array in turn, seeded with the one before (0 for
    /// the first). One-shot hashing runs at memory speed from the first call, where the streaming
    /// hasher ran twenty times slower until the JIT recompiled it.
    /// </summary>
    private static ulong Chain(ulong hash, ReadOnlySpan<byte> bytes) => System.IO.Hashing.XxHash3.HashToUInt64(bytes, (long)hash);

    // Every element is read from the file: no need to clear, and the pages are mapped in one call.
    private static T[] Allocate<T>(int count)
        where T : unmanaged
    {
        var values = GC.AllocateUninitializedArray<T>(count);
        MemoryPages.Populate(values);
        return values;
    }

    /// <summary>Fills the array from the file at <paramref name="at"/> and chains its bytes into <paramref name="hash"/> (see <see cref="Chain"/>).</summary>
    private static T[] Read<T>(Microsoft.Win32.SafeHandles.SafeFileHandle file, T[] values, ref long at, ref ulong hash)
        where T : unmanaged
    {
        var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(values.AsSpan());
        for (var done = 0; done < bytes.Length;)
        {
            var read = RandomAccess.Read(file, bytes[done..], at + done);
            if (read == 0)
            {
                throw new EndOfStreamException("the snapshot file ends inside a partition");
            }

            done += read;
        }

        at += bytes.Length;
        hash = Chain(hash, bytes);
        return values;
    }

    private static void WriteTable(ChecksumStream body, CodeTable table)
    {
        var lengths = new int[table.Count];
        var bytes = new System.Buffers.ArrayBufferWriter<byte>();
        for (var code = 0; code < lengths.Length; code++)
        {
            var value = table[code];
            lengths[code] = value is null ? -1 : (int)Encoding.UTF8.GetBytes(value, bytes);
        }

        body.Write<int>(lengths);
        body.Write<int>([bytes.WrittenCount]);
        body.Write(bytes.WrittenSpan);
    }

    private static CodeTable ReadTable(ChecksumStream body, int count)
    {
        var lengths = body.ReadArray<int>(count);
        var bytes = body.ReadArray<byte>(body.ReadArray<int>(1)[0]);
        var values = new string?[count];
        var at = 0;
        for (var code = 0; code < count; code++)
        {
            if (lengths[code] >= 0)
            {
                values[code] = Encoding.UTF8.GetString(bytes, at, lengths[code]);
                at += lengths[code];
            }
        }

        return CodeTable.Of(values);
    }
}

/// <summary>Why a snapshot file was or was not used.</summary>
public enum SnapshotFileStatus
{
    /// <summary>Snapshot files are not in use, or none was looked for yet.</summary>
    NotUsed,

    /// <summary>The file was read and the store's state matched it; only newer rows were read from the store.</summary>
    Loaded,

    /// <summary>There was no file; the snapshot was built from the store.</summary>
    Missing,

    /// <summary>The file was cut short, failed a checksum or did not add up; the snapshot was built from the store.</summary>
    Corrupt,

    /// <summary>The file has another format version; the snapshot was built from the store.</summary>
    OtherVersion,

    /// <summary>The store no longer holds what the file was made from (other rows, identities or memberships changed); the snapshot was built from the store.</summary>
    Stale,
}
