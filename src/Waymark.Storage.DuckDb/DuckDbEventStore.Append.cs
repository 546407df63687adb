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

    /// <summary>
    /// Appends batches. Per-batch sessions commit each batch before <see cref="Append"/>
    /// returns, so what it reports as accepted survives a crash right after; all-or-nothing
    /// sessions hold one transaction until <see cref="Commit"/>.
    /// </summary>
    private sealed class AppendSession : IAppendSession
    {
        private readonly DuckDbEventStore _store;
        private readonly bool _allOrNothing;
        private readonly DuplicateFilter _filter;
        private readonly ProfileWriter _profiles;
        private readonly List<Event> _events = [];
        private readonly List<ProfileMessage> _profileMessages = [];
        private readonly List<ulong> _eventHashes = [];
        private readonly List<ulong> _profileHashes = [];
        private DuckDBTransaction? _transaction;
        private bool _done;

        public AppendSession(DuckDbEventStore store, bool allOrNothing)
        {
            _store = store;
            _allOrNothing = allOrNothing;
            _filter = new DuplicateFilter(store._connection, store._dedup!);
            _profiles = new ProfileWriter(store._connection);
            if (allOrNothing)
            {
                _transaction = store._connection.BeginTransaction();
            }
        }

        public AppendResult Total { get; private set; }

        public void Write(MessageBatch batch) => Append(batch);

        public AppendResult Append(MessageBatch batch)
        {
            ObjectDisposedException.ThrowIf(_done, this);
            var transaction = _transaction ?? _store._connection.BeginTransaction();
            try
            {
                var result = AppendInTransaction(batch);
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

        public void Commit()
        {
            ObjectDisposedException.ThrowIf(_done, this);
            _transaction?.Commit();
            _transaction?.Dispose();
            _transaction = null;
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
            var eventDuplicates = _filter.KeepNew(batch.Events, static e => e.MessageId, _events, _eventHashes);
            AppendEvents(_events, _eventHashes, now);
            var profileDuplicates = _filter.KeepNew(batch.Profiles, static p => p.MessageId, _profileMessages, _profileHashes);
            _profiles.Append(_profileMessages, _profileHashes, now);
            var accepted = _events.Count + _profileMessages.Count;
            Debug.Assert(accepted + eventDuplicates + profileDuplicates == batch.MessageCount);
            return new AppendResult(accepted, eventDuplicates + profileDuplicates, batch.Errors.Count);
        }

        private void AppendEvents(List<Event> events, List<ulong> hashes, DateTime receivedAt)
        {
            if (events.Count == 0)
            {
                return;
            }

            var codes = _store._dictionaries!;
            using (var appender = new ChunkAppender(_store._connection, "events"))
            {
                for (var i = 0; i < events.Count; i++)
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
