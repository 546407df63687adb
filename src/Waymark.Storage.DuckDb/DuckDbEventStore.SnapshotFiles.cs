using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    private readonly SnapshotFileStatus[] _fileStatus = new SnapshotFileStatus[2];
    private readonly int[] _fileRows = new int[2];

    /// <summary>
    /// Whether snapshots are kept in files beside the store (<c>waymark.db.snapshot-person</c>,
    /// <c>waymark.db.snapshot-account</c>): <see cref="LoadSnapshot"/> reads one back when it still
    /// fits the store and writes one after building; <see cref="RefreshSnapshot"/> writes one when
    /// the file lags by at least <see cref="SnapshotFileLagRows"/> rows and an eighth of its own.
    /// Off by default.
    /// </summary>
    public bool UsesSnapshotFiles { get; set; }

    /// <summary>The fewest rows a snapshot file may lag behind a refreshed snapshot before it is written again (tests lower it).</summary>
    internal int SnapshotFileLagRows { get; set; } = 65_536;

    /// <summary>What became of the snapshot file of <paramref name="kind"/> at the last <see cref="LoadSnapshot"/>.</summary>
    public SnapshotFileStatus LastSnapshotFile(SubjectKind kind) => _fileStatus[(int)kind];

    /// <summary>The snapshot read back from its file and brought up to date, or null when the file is missing or does not fit the store.</summary>
    private EventLog? LoadSnapshotFile(SubjectKind kind)
    {
        var status = SnapshotFile.Read(SnapshotFile.PathOf(Location, kind), kind, out var contents);
        var stamp = status == SnapshotFileStatus.Loaded ? Current(kind, contents!) : null;
        _fileStatus[(int)kind] = status == SnapshotFileStatus.Loaded && stamp is null ? SnapshotFileStatus.Stale : status;
        if (stamp is null)
        {
            return null;
        }

        var source = new StoreProperties(_connection, kind);
        var log = EventLog.FromPartitions(kind, contents!.Subjects, contents.Names, contents.Partitions, stamp.SourceRows, source, source);
        _stamps.Add(log, stamp);
        _fileRows[(int)kind] = stamp.SourceRows;
        return RefreshSnapshot(log);
    }

    /// <summary>
    /// The file's stamp with the store's remap now, or null when the store no longer fits the file:
    /// the covered rows are not those it was made from, the store has fewer codes than the file,
    /// or a person code it knew remaps elsewhere now (identities or memberships changed).
    /// </summary>
    private SnapshotStamp? Current(SubjectKind kind, SnapshotFile.Contents contents)
    {
        var stamp = contents.Stamp;
        var counts = SnapshotCodes.Counts(_connection);
        var subjectKind = kind == SubjectKind.Person ? DictionaryKind.Person : DictionaryKind.Account;
        if (counts[(int)DictionaryKind.Name] < contents.Names.Count || counts[(int)subjectKind] < contents.Subjects.Count
            || counts[(int)DictionaryKind.Person] < stamp.Remap.Length || !stamp.RowsHold(_connection))
        {
            return null;
        }

        var ties = SnapshotCodes.Ties(_connection, kind);
        var remap = stamp.CurrentRemap(_connection, kind, ties, counts[(int)DictionaryKind.Person]);
        return stamp.RemapHolds(remap) ? stamp with { Ties = ties, Remap = remap } : null;
    }

    /// <summary>
    /// Writes the snapshot file of <paramref name="log"/> now, whether or not files are in use;
    /// false when the log is not one this store built, read or refreshed, or the folder refused
    /// the file.
    /// </summary>
    public bool SaveSnapshot(EventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        // The format is little-endian, written as memory holds it.
        if (!_stamps.TryGetValue(log, out var stamp) || !BitConverter.IsLittleEndian)
        {
            return false;
        }

        try
        {
            SnapshotFile.Write(SnapshotFile.PathOf(Location, log.SubjectKind), log, stamp);
            _fileRows[(int)log.SubjectKind] = log.SourceRows;
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The file only spares a build: a folder that cannot take it costs the next start a build, nothing more.
            return false;
        }
    }

    /// <summary>Writes the snapshot's file when files are in use and, unless <paramref name="always"/>, the file lags far enough.</summary>
    private void SaveSnapshotFile(EventLog log, bool always)
    {
        var lag = log.SourceRows - _fileRows[(int)log.SubjectKind];
        if (UsesSnapshotFiles && (always || (lag >= SnapshotFileLagRows && lag >= _fileRows[(int)log.SubjectKind] / 8)))
        {
            SaveSnapshot(log);
        }
    }
}
