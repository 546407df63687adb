using System.Globalization;
using Parquet;
using Parquet.Schema;

namespace Waymark.Formats.Parquet;

/// <summary>The value kinds a Parquet column is read as; narrower types are widened.</summary>
internal enum ParquetKind : byte { String, Integer, Float, Boolean, Time }

/// <summary>
/// One flat column of the current row group, read into one typed array: strings; integers
/// (8 to 64 bits) as <see cref="long"/>; <c>float</c>, <c>double</c> and <c>decimal</c> as
/// <see cref="double"/>; booleans; dates and timestamps as UTC <see cref="DateTime"/>.
/// </summary>
internal sealed class ParquetColumn(DataField field, ParquetKind kind)
{
    public DataField Field { get; } = field;

    public ParquetKind Kind { get; } = kind;

    public string?[] Strings { get; private set; } = [];

    public long?[] Integers { get; private set; } = [];

    public double?[] Floats { get; private set; } = [];

    public bool?[] Booleans { get; private set; } = [];

    public DateTime?[] Times { get; private set; } = [];

    /// <summary>The kind a field is read as, or null when Waymark does not read its type.</summary>
    public static ParquetKind? KindOf(DataField field)
    {
        var type = field.ClrType;
        return type == typeof(string) || type == typeof(ReadOnlyMemory<char>) ? ParquetKind.String
            : type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(sbyte)
                || type == typeof(byte) || type == typeof(ushort) || type == typeof(uint) ? ParquetKind.Integer
            : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? ParquetKind.Float
            : type == typeof(bool) ? ParquetKind.Boolean
            : type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) ? ParquetKind.Time
            : null;
    }

    /// <summary>Reads this column of a row group.</summary>
    public void Read(ParquetRowGroupReader group, int rows)
    {
        var type = Field.ClrType;
        switch (Kind)
        {
            case ParquetKind.String:
                Strings = Resize(Strings, rows);
                Wait(group.ReadAsync(Field, Strings.AsMemory(0, rows)!));
                break;
            case ParquetKind.Integer:
                Integers = Resize(Integers, rows);
                if (type == typeof(long)) { Fill<long>(group, Integers, rows, v => v); }
                else if (type == typeof(int)) { Fill<int>(group, Integers, rows, v => v); }
                else if (type == typeof(short)) { Fill<short>(group, Integers, rows, v => v); }
                else if (type == typeof(sbyte)) { Fill<sbyte>(group, Integers, rows, v => v); }
                else if (type == typeof(byte)) { Fill<byte>(group, Integers, rows, v => v); }
                else if (type == typeof(ushort)) { Fill<ushort>(group, Integers, rows, v => v); }
                else { Fill<uint>(group, Integers, rows, v => v); }
                break;
            case ParquetKind.Float:
                Floats = Resize(Floats, rows);
                // A float becomes the double of its shortest decimal text (0.1f reads as 0.1, not 0.100000001…).
                if (type == typeof(double)) { Fill<double>(group, Floats, rows, v => v); }
                else if (type == typeof(float)) { Fill<float>(group, Floats, rows, v => double.Parse(v.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)); }
                else { Fill<decimal>(group, Floats, rows, v => (double)v); }
                break;
            case ParquetKind.Boolean:
                Booleans = Resize(Booleans, rows);
                Fill<bool>(group, Booleans, rows, v => v);
                break;
            default:
                Times = Resize(Times, rows);
                if (type == typeof(DateTime)) { Fill<DateTime>(group, Times, rows, Core.Model.Timestamps.Normalize); }
                else if (type == typeof(DateTimeOffset)) { Fill<DateTimeOffset>(group, Times, rows, Core.Model.Timestamps.Normalize); }
                else { Fill<DateOnly>(group, Times, rows, d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)); }
                break;
        }
    }

    private void Fill<T, TTarget>(ParquetRowGroupReader group, TTarget?[] target, int rows, Func<T, TTarget> convert)
        where T : struct
        where TTarget : struct
    {
        var values = new T?[rows];
        Wait(group.ReadAsync(Field, values.AsMemory()));
        for (var i = 0; i < rows; i++)
        {
            target[i] = values[i] is { } v ? convert(v) : null;
        }
    }

    private void Fill<T>(ParquetRowGroupReader group, long?[] target, int rows, Func<T, long> convert)
        where T : struct => Fill<T, long>(group, target, rows, convert);

    private void Fill<T>(ParquetRowGroupReader group, double?[] target, int rows, Func<T, double> convert)
        where T : struct => Fill<T, double>(group, target, rows, convert);

    private void Fill<T>(ParquetRowGroupReader group, bool?[] target, int rows, Func<T, bool> convert)
        where T : struct => Fill<T, bool>(group, target, rows, convert);

    private void Fill<T>(ParquetRowGroupReader group, DateTime?[] target, int rows, Func<T, DateTime> convert)
        where T : struct => Fill<T, DateTime>(group, target, rows, convert);

    private static T[] Resize<T>(T[] array, int rows) => array.Length >= rows ? array : new T[rows];

    private static void Wait(ValueTask task) => task.AsTask().GetAwaiter().GetResult();

    private static void Wait(Task task) => task.GetAwaiter().GetResult();
}
