using Waymark.Core.Conditions;
using Waymark.Engine.Snapshot;

namespace Waymark.Engine.Filters;

/// <summary>
/// A <see cref="Cohort"/> compiled against one snapshot: one flag per subject code. The
/// everyone cohort compiles to a mask that holds every subject without storing flags.
/// </summary>
public sealed class SubjectMask
{
    private readonly bool[]? _members;

    private SubjectMask(bool[]? members) => _members = members;

    /// <summary>Every subject.</summary>
    public static SubjectMask Everyone { get; } = new(null);

    /// <summary>Compiles a cohort against a snapshot, loading the trait columns it tests.</summary>
    public static SubjectMask Compile(EventLog log, Cohort cohort)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(cohort);
        if (cohort.IsEveryone)
        {
            return Everyone;
        }

        var members = new bool[log.SubjectCount];
        Array.Fill(members, true);
        foreach (var filter in cohort.Filters)
        {
            var column = log.Trait(filter.Key);
            var passes = ValueTable.Compile(filter, column.Values);
            var codes = column.CodeArray;
            for (var s = 0; s < members.Length; s++)
            {
                members[s] &= passes[s < codes.Length ? codes[s] : 0];
            }
        }

        return new SubjectMask(members);
    }

    /// <summary>True when the mask holds every subject.</summary>
    public bool IsEveryone => _members is null;

    /// <summary>True when subject code <paramref name="subject"/> belongs.</summary>
    public bool Contains(int subject) => _members is null || (subject < _members.Length && _members[subject]);
}
