using Waymark.Core.Ingest;

namespace Waymark.Storage.DuckDb.Ingest;

/// <summary>
/// Turns a <see cref="MessageBatch"/> into a <see cref="PreparedBatch"/>: encodes ids and
/// properties as UTF-8, hashes ids and adds the hashes to the dedupe index (a hash already there
/// marks a candidate for the appender to confirm), and codes names, channels, sources, people and
/// accounts. Runs on one thread at a time, in append order; the index and the dictionaries are
/// touched only here while a session is open. A hash added for a batch that is never committed
/// stays in the index, which costs only a confirming query later (see <see cref="DedupIndex"/>).
/// </summary>
internal sealed class BatchPreparer(DedupIndex index, Func<Dictionaries> dictionaries)
{
    private ulong[] _hashes = new ulong[1024];
    private bool[] _added = new bool[1024];

    public void Prepare(MessageBatch batch, PreparedBatch into)
    {
        into.Clear();
        var codes = dictionaries();
        into.Codes = codes;
        var events = batch.Events;
        var hashes = Scratch(events.Count);
        var rows = into.Events;
        for (var i = 0; i < events.Count; i++)
        {
            hashes[i] = MessageIds.Hash(rows.Ids.Add(events[i].MessageId));
        }

        index.AddMany(hashes.AsSpan(0, events.Count), _added);
        Span<uint> eventCodes = stackalloc uint[6];
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!_added[i])
            {
                into.EventCandidates.Add(i);
            }

            eventCodes[0] = codes.CodeOrNone(DictionaryKind.Person, e.PersonId);
            eventCodes[1] = codes.CodeOrNone(DictionaryKind.Person, e.AnonymousId);
            eventCodes[2] = codes.CodeOrNone(DictionaryKind.Account, e.AccountId);
            eventCodes[3] = codes.Code(DictionaryKind.Name, e.Name);
            eventCodes[4] = codes.CodeOrNone(DictionaryKind.Channel, e.Channel);
            eventCodes[5] = codes.CodeOrNone(DictionaryKind.Source, e.Source);
            rows.Add(e, hashes[i], eventCodes);
        }

        foreach (var message in batch.Profiles)
        {
            var hash = MessageIds.Hash(message.MessageId);
            if (!index.Add(hash))
            {
                into.ProfileCandidates.Add(into.Profiles.Count);
            }

            into.Profiles.Add(message);
            into.ProfileHashes.Add(hash);
        }

        into.Rejected = batch.Errors.Count;
        into.DictionaryMark = codes.Mark;
    }

    private ulong[] Scratch(int count)
    {
        if (_hashes.Length < count)
        {
            _hashes = new ulong[Math.Max(count, _hashes.Length * 2)];
            _added = new bool[_hashes.Length];
        }

        return _hashes;
    }
}
