using System.Diagnostics;
using DuckDB.NET.Data;
using Waymark.Core.Ingest;
using Waymark.Core.Model;
using Waymark.Core.Storage;

namespace Waymark.Storage.DuckDb;

public sealed partial class DuckDbEventStore
{
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
            _transaction?.Rollback();
            _transaction?.Dispose();
            _store._appending = false;
        }

        private AppendResult AppendInTransaction(MessageBatch batch)
        {
            var now = Timestamps.Normalize(_store._time.GetUtcNow());
            var events = _filter.KeepNew(batch.Events, static e => e.MessageId, out var eventDuplicates);
            var profiles = _filter.KeepNew(batch.Profiles, static p => p.MessageId, out var profileDuplicates);
            AppendEvents(events, now);
            _profiles.Append(profiles, now);
            Debug.Assert(events.Count + profiles.Count + eventDuplicates + profileDuplicates == batch.MessageCount);
            return new AppendResult(events.Count + profiles.Count, eventDuplicates + profileDuplicates, batch.Errors.Count);
        }

        private void AppendEvents(List<Event> events, DateTime receivedAt)
        {
            if (events.Count == 0)
            {
                return;
            }

            using var appender = new ChunkAppender(_store._connection, "events");
            foreach (var e in events)
            {
                appender.SetUInt64(0, MessageIds.Hash(e.MessageId));
                appender.SetString(1, e.MessageId);
                appender.SetTimestamp(2, e.Timestamp);
                appender.SetString(3, e.PersonId);
                appender.SetString(4, e.AnonymousId);
                appender.SetString(5, e.AccountId);
                appender.SetString(6, e.Name);
                appender.SetString(7, e.Channel);
                appender.SetString(8, e.Source);
                appender.SetByte(9, (byte)e.Actor);
                appender.SetDouble(10, e.Value);
                appender.SetDouble(11, e.Sentiment);
                appender.SetString(12, e.Properties.Json);
                appender.SetTimestamp(13, receivedAt);
                appender.EndRow();
            }
        }
    }
}
