using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Waymark.Core.Ingest;
using Waymark.Core.Model;

namespace Waymark.Simulation.Tests;

/// <summary>Keeps every message (copies of the lists: the simulator reuses its batch).</summary>
internal sealed class CollectingSink : IMessageSink
{
    public List<Event> Events { get; } = [];

    public List<ProfileMessage> Profiles { get; } = [];

    public int Batches { get; private set; }

    public void Write(MessageBatch batch)
    {
        Events.AddRange(batch.Events);
        Profiles.AddRange(batch.Profiles);
        Batches++;
    }
}

/// <summary>Hashes every field of every message, in order.</summary>
internal sealed class HashingSink : IMessageSink
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly StringBuilder _text = new();

    public long Messages { get; private set; }

    public void Write(MessageBatch batch)
    {
        foreach (var e in batch.Events)
        {
            _text.Append(CultureInfo.InvariantCulture,
                $"E|{e.MessageId}|{Timestamps.Format(e.Timestamp)}|{e.PersonId}|{e.AnonymousId}|{e.AccountId}|{e.Name}|{e.Channel}|{e.Source}|{e.Actor}|{e.Properties.Json}|{e.Value:R}|{e.Sentiment:R}\n");
        }

        foreach (var p in batch.Profiles)
        {
            _text.Append(p switch
            {
                IdentifyMessage i => FormattableString.Invariant($"I|{i.MessageId}|{Timestamps.Format(i.Timestamp)}|{i.PersonId}|{i.AnonymousId}|{i.Traits.Json}\n"),
                GroupMessage g => FormattableString.Invariant($"G|{g.MessageId}|{Timestamps.Format(g.Timestamp)}|{g.PersonId}|{g.AccountId}|{g.Traits.Json}|{string.Join(',', g.Roles)}\n"),
                _ => $"?|{p.MessageId}\n",
            });
        }

        _hash.AppendData(Encoding.UTF8.GetBytes(_text.ToString()));
        _text.Clear();
        Messages += batch.MessageCount;
    }

    public string Digest() => Convert.ToHexString(_hash.GetHashAndReset());
}

/// <summary>Counts without keeping anything.</summary>
internal sealed class NullSink : IMessageSink
{
    public void Write(MessageBatch batch)
    {
    }
}
