namespace Waymark.Engine.Snapshot;

/// <summary>Whose journey a snapshot follows: each person's, or each account's (the events of all its people).</summary>
public enum SubjectKind
{
    /// <summary>One subject per person; anonymous ids linked to a person count as that person.</summary>
    Person,

    /// <summary>One subject per account; events of every person of the account count.</summary>
    Account,
}
