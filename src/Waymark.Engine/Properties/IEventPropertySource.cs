namespace Waymark.Engine.Properties;

/// <summary>
/// Where a snapshot loads event properties from when a query first needs one: the store, or
/// the rows a builder was given. Loading is the only I/O of the engine and happens before a
/// kernel runs, never inside it.
/// </summary>
public interface IEventPropertySource
{
    /// <summary>
    /// Calls <paramref name="sink"/> once for each source row in [<paramref name="fromRow"/>,
    /// <paramref name="toRow"/>) whose event has the top-level property <paramref name="key"/>,
    /// with the row and the property's JSON text.
    /// </summary>
    void ReadProperty(string key, int fromRow, int toRow, Action<int, string> sink);
}

/// <summary>Where a snapshot loads subject traits from (people's or accounts' current traits).</summary>
public interface ISubjectTraitSource
{
    /// <summary>
    /// Calls <paramref name="sink"/> once for each subject code holding the top-level trait
    /// <paramref name="key"/>, with the code and the trait's JSON text.
    /// </summary>
    void ReadTrait(string key, Action<int, string> sink);
}
