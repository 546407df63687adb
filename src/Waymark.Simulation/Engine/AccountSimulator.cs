using Waymark.Core.Model;

namespace Waymark.Simulation.Engine;

/// <summary>
/// Simulates one account at a time, from its own random stream (seed, account index), into a
/// buffer of records that is then sorted by time and turned into messages. Reused from account
/// to account by one thread; never shared between threads.
/// </summary>
internal sealed partial class AccountSimulator
{
    public const long DayMs = 86_400_000;
    private const long HourMs = 3_600_000;

    private readonly ulong _seed;
    private readonly long _startTicks;
    private readonly long _endMs;
    private readonly DayOfWeek _startDay;
    private readonly JsonText _json = new();
    private readonly List<Person> _people = [];
    private long[] _keys = new long[1024];
    private Record[] _records = new Record[1024];
    private int _count;
    private int _profileCount;

    private Rng _rng;
    private int _index;
    private string _accountId = "";
    private string _idPrefix = "";

    public AccountSimulator(SimulationOptions options)
    {
        _seed = options.Seed;
        _startTicks = options.Start.Ticks;
        _endMs = (long)options.Duration.TotalMilliseconds;
        _startDay = options.Start.DayOfWeek;
    }

    /// <summary>Events of the last simulated account (profile messages not counted).</summary>
    public int EventCount => _count - _profileCount;

    /// <summary>People of the last simulated account.</summary>
    public int PeopleCount => _people.Count;

    /// <summary>Simulates account <paramref name="index"/> into the buffer and returns its truth.</summary>
    public AccountTruth Simulate(int index)
    {
        _rng = new Rng(_seed, (ulong)index);
        _index = index;
        _accountId = $"s{_seed}-a{index}";
        _idPrefix = $"sim{_seed}-{index}-";
        _count = 0;
        _profileCount = 0;
        _people.Clear();
        _traitHistory.Clear();
        _state = default;

        DrawAccount();
        DrawPeople();
        if (_state.CustomerAtStart)
        {
            StartAsCustomer();
            _initialTraits = AccountTraits();
        }
        else
        {
            _initialTraits = AccountTraits();
            RunMarketing();
            RunBuying();
        }

        if (_state.SignedAt != NotYet)
        {
            RunOnboarding();
            RunLifecycle();
            RunUsage();
            RunSupport();
            RunAdvocacy();
        }

        AddProfiles();
        return Truth();
    }

    private const long NotYet = long.MaxValue;

    private long Days(double days) => (long)(days * DayMs);

    /// <summary>
    /// The first moment at or after <paramref name="ms"/> that falls in a random point of the
    /// account region's working hours, off weekends: never earlier than asked, so that causes
    /// stay before their effects.
    /// </summary>
    private long WorkTime(long ms)
    {
        var offset = (_profile.WorkStartHour * HourMs) + _rng.Next((int)(10 * HourMs));
        var day = ms / DayMs;
        if ((day * DayMs) + offset < ms)
        {
            day++;
        }

        var weekday = (DayOfWeek)(((int)_startDay + (int)(day % 7)) % 7);
        day += weekday switch { DayOfWeek.Saturday => 2, DayOfWeek.Sunday => 1, _ => 0 };
        return (day * DayMs) + offset;
    }

    /// <summary>Adds an event at <paramref name="ms"/> when it falls in the period and the person is still there; returns whether it did.</summary>
    private bool Add(long ms, EventType type, int person, Properties props, double value = double.NaN, double sentiment = double.NaN)
    {
        if (ms < 0 || ms >= _endMs)
        {
            return false;
        }

        var who = _people[person];
        if (ms >= who.LeftAt)
        {
            // People who left the company do nothing more; the callers pick someone still there for what must happen.
            return false;
        }

        if (ms < who.KnownAt && type is not (EventType.PageViewed or EventType.AdClicked))
        {
            // Anything beyond anonymous browsing means the vendor knows who this is.
            who.KnownAt = ms;
        }

        Push((ms << 24) | (uint)(4096 + _count), new Record(type, (byte)person, props, value, sentiment));
        return true;
    }

    /// <summary>Adds an identify or group message; profile keys sort before events at the same millisecond.</summary>
    private void AddProfile(long ms, EventType type, int person, Properties traits)
    {
        if (ms < 0 || ms >= _endMs)
        {
            return;
        }

        _profileCount++;
        Push((ms << 24) | (uint)_profileCount, new Record(type, (byte)person, traits, double.NaN, double.NaN));
    }

    private void Push(long key, Record record)
    {
        if (_count == _keys.Length)
        {
            Array.Resize(ref _keys, _count * 2);
            Array.Resize(ref _records, _count * 2);
        }

        _keys[_count] = key;
        _records[_count] = record;
        _count++;
    }

    private readonly record struct Record(EventType Type, byte Person, Properties Props, double Value, double Sentiment);
}
