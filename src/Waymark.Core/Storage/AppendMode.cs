namespace Waymark.Core.Storage;

/// <summary>How an append session makes what it takes durable.</summary>
public enum AppendMode
{
    /// <summary>Each append commits everything it accepted before it returns.</summary>
    PerBatch,

    /// <summary>
    /// For large imports: each append commits before it returns, but a store may hold back the
    /// events that do not fill its storage blocks (DuckDB: row groups), and messages it stores
    /// more cheaply together (DuckDB: profile messages, folded into people and accounts in groups),
    /// until a later append or <see cref="IAppendSession.Commit"/>. An append's result counts
    /// only what it committed; what is held back is counted when it is.
    /// </summary>
    Bulk,

    /// <summary>Nothing is durable or visible until <see cref="IAppendSession.Commit"/>; disposing without it keeps nothing.</summary>
    AllOrNothing,
}
