namespace Waymark.Cli;

/// <summary>Reports progress on the caller's thread, unlike <see cref="Progress{T}"/>, which posts to the thread pool.</summary>
internal sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
