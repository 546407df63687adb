using DuckDB.NET.Data;
using Waymark.Engine.Snapshot;

namespace Waymark.Storage.DuckDb;

/// <summary>
/// The state of the store a snapshot reflects, enough to tell whether the snapshot can be
/// brought up to date by reading only the rows stored since, or must be built again. Events and
/// dictionary codes are only ever added, so what can change under a snapshot is: the rows
/// themselves (another store at the same path, or the file put back from a copy), told by the
/// message-id hashes of the first and last rows covered; and which subject an old event counts
/// for, which the remap of person codes decides (identities, memberships), kept whole.
/// </summary>
/// <param name="SourceRows">The rows covered: 0 to this value, excluded.</param>
/// <param name="FirstRowHash">The message-id hash of row 0 (0 when no rows are covered).</param>
/// <param name="LastRowHash">The message-id hash of the last row covered (0 when none).</param>
/// <param name="Ties">The fingerprint of the identities or memberships (<see cref="SnapshotCodes.Ties"/>).</param>
/// <param name="Remap">The remap of person codes the snapshot was built with.</param>
internal sealed record SnapshotStamp(int SourceRows, ulong FirstRowHash, ulong LastRowHash, string Ties, int[] Remap)
{
    /// <summary>Takes the stamp of a snapshot of rows up to <paramref name="sourceRows"/> built with this remap and fingerprint.</summary>
    public static SnapshotStamp Take(DuckDBConnection connection, int sourceRows, string ties, int[] remap)
    {
        var (first, last) = RowHashes(connection, sourceRows);
        return new SnapshotStamp(sourceRows, first, last, ties, remap);
    }

    /// <summary>True when the store still holds the covered rows as they were (the first and last of them, by message id).</summary>
    public bool RowsHold(DuckDBConnection connection) => RowHashes(connection, SourceRows) == (FirstRowHash, LastRowHash);

    /// <summary>True when <paramref name="remap"/> sends every person code this stamp knew where its own remap did.</summary>
    public bool RemapHolds(int[] remap) => remap.Length >= Remap.Length && remap.AsSpan(0, Remap.Length).SequenceEqual(Remap);

    /// <summary>
    /// The remap of the store now: this stamp's own when neither the fingerprint nor the number of
    /// person codes changed, else read again.
    /// </summary>
    public int[] CurrentRemap(DuckDBConnection connection, SubjectKind kind, string ties, int personCodes) =>
        ties == Ties && personCodes == Remap.Length ? Remap : SnapshotCodes.Remap(connection, kind, personCodes);

    /// <summary>The message-id hashes of row 0 and of row <paramref name="rows"/> - 1; (max, max) when the store lacks one.</summary>
    private static (ulong First, ulong Last) RowHashes(DuckDBConnection connection, int rows) =>
        rows == 0 ? (0, 0) : (RowHash(connection, 0), RowHash(connection, rows - 1));

    // One row at a time: a filter on rowid alone is a point lookup, "rowid = a OR rowid = b" scanned every row.
    private static ulong RowHash(DuckDBConnection connection, int row)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT id_hash FROM events WHERE rowid = {row}";
        return command.ExecuteScalar() is { } hash ? Convert.ToUInt64(hash, System.Globalization.CultureInfo.InvariantCulture) : ulong.MaxValue;
    }
}
