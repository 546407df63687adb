using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Core.Storage;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
    // A rolled-back transaction took its new dictionary entries with it.
    private void ReloadDictionaries() => _dictionaries = Dictionaries.Load(_connection);

    /// <summary>DuckDB's rows per row group: a bulk session writes events in whole row groups.</summary>
    internal const int RowGroupRows = 122_880;

    /// <summary>
    /// Appends batches. Per-batch and bulk sessions commit each batch before <c>Append</c>
    /// returns, so what it reports as accepted survives a crash right after; all-or-nothing
    /// sessions hold one transaction until <c>Commit</c>. A bulk session holds back the events
    /// short of a whole row group: DuckDB writes whole row groups straight to the file, but
    /// sends a partial one through the write-ahead log and writes it again at the checkpoint
    /// (measured: 980,000 against 815,000 events/s appended).
    /// </summary>
    private sealed class AppendSession : IAppendSession
    {
        private readonly DuckDbEventStore _store;
        private readonly AppendMode _mode;
        private readonly bool _allOrNothing;
        private readonly List<Event> _heldEvents = [];
        private readonly List<ulong> _heldHashes = [];
        private readonly DuplicateFilter _filter;
        private readonly ProfileWriter _profiles;
        private readonly List<Event> _events = [];
        private readonly List<ProfileMessage> _profileMessages = [];
        private readonly List<ulong> _eventHashes = [];
        private readonly List<ulong> _profileHashes = [];
        private DuckDBTransaction? _transaction;
        private bool _done;

        public AppendSession(DuckDbEventStore store, AppendMode mode)
        {
            _store = store;
            _mode = mode;
            _allOrNothing = mode == AppendMode.AllOrNothing;
            _filter = new DuplicateFilter(store._connection, store._dedup!);
            _profiles = new ProfileWriter(store._connection);
            if (_allOrNothing)
            {
                _transaction = store._connection.BeginTransaction();
            }
        }

        public AppendResult Total { get; private set; }

        public void Write(MessageBatch batch) => Append(batch);

        public AppendResult Append(MessageBatch batch)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            return InTransaction(() => AppendInTransaction(batch));
        }

        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            if (_heldEvents.Count > 0)
            {
                InTransaction(() => AppendHeld(_heldEvents.Count, Timestamps.Normalize(_store._time.GetUtcNow())));
            }

            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
        }

        private AppendResult InTransaction(Func<AppendResult> append)
        {
            var transaction = _transaction ?? _store._connection.BeginTransaction();
            try
            {
                var result = append();
                if (!_allOrNothing)
                {
                    transaction.Commit();
                    transaction.Dispose();
                }

                Total += result;
                return result;
            }
            catch
            {
                if (!_allOrNothing)
                {
                    transaction.Rollback();
                    transaction.Dispose();
                    _store.ReloadDictionaries();
                }

                throw;
            }
        }

        public void Dispose()
        {
            if (_done)
            {
                return;
            }

            _done = true;
            if (_transaction is not null)
            {
                _transaction.Rollback();
                _transaction.Dispose();
                _store.ReloadDictionaries();
            }

            _store._appending = false;
        }

        private AppendResult AppendInTransaction(MessageBatch batch)
        {
            var now = Timestamps.Normalize(_store._time.GetUtcNow());
            var eventDuplicates = _filter.KeepNew(batch.Events, static e => e.MessageId, _events, _eventHashes, _heldEvents, _heldHashes);
            _heldEvents.AddRange(_events);
            _heldHashes.AddRange(_eventHashes);
            var whole = _mode == AppendMode.Bulk ? _heldEvents.Count / RowGroupRows * RowGroupRows : _heldEvents.Count;
            var events = AppendHeld(whole, now);
            var profileDuplicates = _filter.KeepNew(batch.Profiles, static p => p.MessageId, _profileMessages, _profileHashes, [], []);
            _profiles.Append(_profileMessages, _profileHashes, now);
            Debug.Assert(_events.Count + _profileMessages.Count + eventDuplicates + profileDuplicates == batch.MessageCount);
            return new AppendResult(events.Accepted + _profileMessages.Count, eventDuplicates + profileDuplicates, batch.Errors.Count);
        }

        // Appends the first count held events and forgets them.
        private AppendResult AppendHeld(int count, DateTime now)
        {
            AppendEvents(_heldEvents, _heldHashes, count, now);
            _heldEvents.RemoveRange(0, count);
            _heldHashes.RemoveRange(0, count);
            return new AppendResult(count, 0, 0);
        }

        private void AppendEvents(List<Event> events, List<ulong> hashes, int count, DateTime receivedAt)
        {
            if (count == 0)
            {
                return;
            }

            var codes = _store._dictionaries!;
            using (var appender = new ChunkAppender(_store._connection, "events"))
            {
                for (var i = 0; i < count; i++)
                {
                    var e = events[i];
                    appender.SetUInt64(0, hashes[i]);
                    appender.SetString(1, e.MessageId);
                    appender.SetTimestamp(2, e.Timestamp);
                    appender.SetUInt32(3, codes.CodeOf(DictionaryKind.Person, e.PersonId));
                    appender.SetUInt32(4, codes.CodeOf(DictionaryKind.Person, e.AnonymousId));
                    appender.SetUInt32(5, codes.CodeOf(DictionaryKind.Account, e.AccountId));
                    appender.SetUInt32(6, codes.Code(DictionaryKind.Name, e.Name));
                    appender.SetUInt32(7, codes.CodeOf(DictionaryKind.Channel, e.Channel));
                    appender.SetUInt32(8, codes.CodeOf(DictionaryKind.Source, e.Source));
                    appender.SetByte(9, (byte)e.Actor);
                    appender.SetDouble(10, e.Value);
                    appender.SetDouble(11, e.Sentiment);
                    appender.SetString(12, e.Properties.Json);
                    appender.SetTimestamp(13, receivedAt);
                    appender.EndRow();
                }
            }

            codes.WritePending(_store._connection);
        }
    }
}
