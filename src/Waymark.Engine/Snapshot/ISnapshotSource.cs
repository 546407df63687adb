namespace Waymark.Engine.Snapshot;

/// <summary>A store that can build the engine's snapshot of its events and bring one up to date.</summary>
public interface ISnapshotSource
{
    /// <summary>Builds a snapshot of every stored event, by person or by account.</summary>
    EventLog LoadSnapshot(SubjectKind kind);

    /// <summary>Adds the events stored since <paramref name="log"/> was built; returns it unchanged when there are none.</summary>
    EventLog RefreshSnapshot(EventLog log);
}
