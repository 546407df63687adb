using System.Text.Json;
using Waymark.Core.Model;

namespace Waymark.Simulation;

/// <summary>
/// The hidden truth of a run: one <see cref="AccountTruth"/> per account, in account order.
/// Written as JSON by <see cref="Write"/>; the format is a contract (<c>format: 1</c>).
/// </summary>
public sealed class GroundTruth
{
    /// <summary>The version of the JSON format written by <see cref="Write"/>.</summary>
    public const int Format = 1;

    private readonly List<AccountTruth> _accounts = [];

    internal GroundTruth(SimulationOptions options) => Options = options;

    /// <summary>The options of the run.</summary>
    public SimulationOptions Options { get; }

    /// <summary>Every account, in index order.</summary>
    public IReadOnlyList<AccountTruth> Accounts => _accounts;

    internal void Add(AccountTruth truth) => _accounts.Add(truth);

    internal void Clear() => _accounts.Clear();

    /// <summary>
    /// Writes the truth as UTF-8 JSON: <c>{"format":1,"seed":…,"start":…,"end":…,"accounts":[…]}</c>,
    /// each account with its traits, a <c>drivers</c> object and an <c>outcome</c> object; snake_case
    /// keys, times as ISO 8601 UTC strings, absent values as null. The stream is left open.
    /// </summary>
    public void Write(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteNumber("format", Format);
        writer.WriteNumber("seed", Options.Seed);
        writer.WriteString("start", Timestamps.Format(Options.Start));
        writer.WriteString("end", Timestamps.Format(Options.Start + Options.Duration));
        writer.WriteStartArray("accounts");
        foreach (var account in _accounts)
        {
            WriteAccount(writer, account);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteAccount(Utf8JsonWriter writer, AccountTruth a)
    {
        writer.WriteStartObject();
        writer.WriteNumber("index", a.Index);
        writer.WriteString("account_id", a.AccountId);
        writer.WriteString("segment", a.Segment);
        writer.WriteString("industry", a.Industry);
        writer.WriteString("region", a.Region);
        writer.WriteString("adoption_stage", a.AdoptionStage);
        writer.WriteNumber("people", a.People);
        writer.WriteStartObject("drivers");
        writer.WriteString("time_to_first_value", a.Drivers.TimeToFirstValue == FirstValueSpeed.Fast ? "fast" : "slow");
        writer.WriteString("champion", a.Drivers.Champion switch
        {
            ChampionState.Present => "present",
            ChampionState.Absent => "absent",
            _ => "lost",
        });
        WriteTime(writer, "champion_lost_at", a.Drivers.ChampionLostAt);
        WriteText(writer, "champion_id", a.ChampionId);
        writer.WriteString("support_experience", a.Drivers.Support == SupportExperience.Good ? "good" : "bad");
        writer.WriteString("segment_fit", a.Drivers.Fit == SegmentFit.Good ? "good" : "poor");
        writer.WriteEndObject();
        writer.WriteStartObject("outcome");
        writer.WriteBoolean("customer_at_start", a.CustomerAtStart);
        writer.WriteBoolean("bought", a.Bought);
        WriteTime(writer, "signed_at", a.SignedAt);
        WriteText(writer, "lost_to", a.LostTo);
        WriteTime(writer, "first_value_at", a.FirstValueAt);
        if (a.DaysToFirstValue is { } days)
        {
            writer.WriteNumber("days_to_first_value", days);
        }
        else
        {
            writer.WriteNull("days_to_first_value");
        }

        writer.WriteBoolean("churned", a.Churned);
        WriteTime(writer, "churned_at", a.ChurnedAt);
        writer.WriteBoolean("expanded", a.Expanded);
        writer.WriteBoolean("contracted", a.Contracted);
        writer.WriteNumber("final_mrr", a.FinalMrr);
        writer.WriteNumber("events", a.Events);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteText(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, text);
        }
    }

    private static void WriteTime(Utf8JsonWriter writer, string name, DateTime? time)
    {
        if (time is { } t)
        {
            writer.WriteString(name, Timestamps.Format(t));
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
