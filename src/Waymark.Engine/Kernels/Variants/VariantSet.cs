namespace Waymark.Engine.Kernels.Variants;

/// <summary>
/// The trace variants of a scope: a subject's variant is the sequence of the names of its events
/// inside the range, in time order (ties in source-row order), as process mining's variants
/// (PM4Py's <c>get_variants</c>, the case as subject).
/// </summary>
/// <param name="Subjects">Subjects with at least one event in the scope: the denominator of <see cref="Variant.Share"/>.</param>
/// <param name="Distinct">How many distinct variants those subjects have.</param>
/// <param name="Top">The most frequent variants, at most the number asked, by count descending, ties by the name sequence (names compared ordinally, element by element, a prefix first).</param>
public sealed record VariantSet(long Subjects, long Distinct, IReadOnlyList<Variant> Top);

/// <summary>One trace variant.</summary>
/// <param name="Names">The event names, in order.</param>
/// <param name="Count">How many subjects have exactly this sequence.</param>
/// <param name="Share">Count divided by <see cref="VariantSet.Subjects"/>.</param>
/// <param name="MedianDuration">
/// The median, over those subjects, of the time from their first to their last event in the scope
/// (milliseconds; 0 for one event): continuous (the mean of the two middle values for an even count).
/// </param>
public sealed record Variant(IReadOnlyList<string> Names, long Count, double Share, double MedianDuration);
