namespace Waymark.Core.Errors;

/// <summary>An input that cannot be used at all (a missing column, an empty file), with where and what was expected.</summary>
public sealed class InputException : WaymarkException
{
    /// <summary>Creates the error from a record error.</summary>
    public InputException(RecordError error) : base(error.ToString()) => Error = error;

    /// <summary>Where and what.</summary>
    public RecordError Error { get; }
}
