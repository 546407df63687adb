namespace Waymark.Core.Errors;

/// <summary>The base of every error Waymark reports to its users.</summary>
public class WaymarkException : Exception
{
    /// <summary>Creates the error with a message that says what happened and what was expected.</summary>
    public WaymarkException(string message) : base(message)
    {
    }

    /// <summary>Creates the error with a message and the exception that caused it.</summary>
    public WaymarkException(string message, Exception inner) : base(message, inner)
    {
    }
}
