using System.Data.Common;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// The report's in-memory copy of the counted reach rows (those with a household or a declared category), kept
/// up to date incrementally: each refresh reads only the rows appended since the last one (reach_log is append-only
/// and SQLite hands out its ids in commit order, one writer at a time) and the erasures noted since
/// (<see cref="ReachErasures"/>), which clear that conversation's rows here as the eraser cleared them on disk.
/// Strings (channel, topic, commune, category) are kept as small codes. Not thread-safe: <see cref="ReachReport"/> serialises.
/// </summary>
internal sealed class ReachRows
{
    public const short None = -1;

    private readonly Dictionary<string, short> _codes = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private Row[] _rows = new Row[1024];
    private long _lastRow;
    private long _lastErasure;

    public int Count { get; private set; }

    /// <summary>The highest conversation id among the rows: the report flags conversations in an array this long.</summary>
    public long MaxConversation { get; private set; }

    /// <summary>How many distinct strings have a code (codes run from 0 to Codes - 1).</summary>
    public int Codes => _names.Count;

    public ReadOnlySpan<Row> Rows => _rows.AsSpan(0, Count);

    public string Name(short code) => code == None ? "" : _names[code];

    /// <summary>Everything a refresh continues from, for <see cref="ReachRowsFile"/> to keep on disk.</summary>
    public Snapshot State => new(_lastRow, _lastErasure, MaxConversation, _names, _rows.AsMemory(0, Count));

    /// <summary>
    /// Takes over a state read back by <see cref="ReachRowsFile"/> (its rows: the first <paramref name="count"/> of
    /// <paramref name="rows"/>, which it keeps); only on a copy that has read nothing yet.
    /// </summary>
    public void Restore(Snapshot state, Row[] rows, int count)
    {
        if (Count != 0 || _names.Count != 0)
        {
            throw new InvalidOperationException("Only an empty copy of the reach log can be restored.");
        }

        (_lastRow, _lastErasure, MaxConversation) = (state.LastRow, state.LastErasure, state.MaxConversation);
        foreach (var name in state.Names)
        {
            _codes[name] = checked((short)_names.Count);
            _names.Add(name);
        }

        _rows = rows.Length > 0 ? rows : new Row[1024];
        Count = count;
    }

    /// <summary>The code of a string seen in the log, or <see cref="None"/> when it never occurred.</summary>
    public short CodeOf(string? value) => value is not null && _codes.TryGetValue(value, out var code) ? code : None;

    public void Refresh(DbConnection connection)
    {
        // Rows first, erasures second: an erasure committed in between is then always seen, now or at the next refresh.
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """
                SELECT "Id", "Day", "HouseholdId", "ConversationId", "Channel", "Topic", "CommuneCode", "DeclaredCategory"
                FROM "reach_log" WHERE "Id" > @last AND ("HouseholdId" IS NOT NULL OR "DeclaredCategory" IS NOT NULL) ORDER BY "Id"
                """;
            Add(command, "@last", _lastRow);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (Count == _rows.Length)
                {
                    Array.Resize(ref _rows, _rows.Length * 2);
                }

                _lastRow = reader.GetInt64(0);
                MaxConversation = Math.Max(MaxConversation, reader.GetInt64(3));
                _rows[Count++] = new Row(
                    reader.GetInt32(1),
                    reader.IsDBNull(2) ? 0 : reader.GetInt64(2),
                    reader.GetInt64(3),
                    Code(reader, 4),
                    Code(reader, 5),
                    Code(reader, 6),
                    Code(reader, 7));
            }
        }

        var erased = new HashSet<long>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = """SELECT "Id", "ConversationId" FROM "reach_erasures" WHERE "Id" > @last ORDER BY "Id" """;
            Add(command, "@last", _lastErasure);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _lastErasure = reader.GetInt64(0);
                erased.Add(reader.GetInt64(1));
            }
        }

        if (erased.Count > 0)
        {
            var rows = _rows.AsSpan(0, Count);
            for (var i = 0; i < rows.Length; i++)
            {
                if (erased.Contains(rows[i].Conversation))
                {
                    rows[i] = rows[i] with { Household = 0, Category = None };
                }
            }
        }
    }

    private short Code(DbDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return None;
        }

        var value = reader.GetString(ordinal);
        if (!_codes.TryGetValue(value, out var code))
        {
            code = checked((short)_names.Count);
            _codes[value] = code;
            _names.Add(value);
        }

        return code;
    }

    internal static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    internal sealed record Snapshot(long LastRow, long LastErasure, long MaxConversation, IReadOnlyList<string> Names, ReadOnlyMemory<Row> Rows);

    /// <summary>One counted reach row; Household 0 means none (SQLite ids start at 1).</summary>
    internal readonly record struct Row(int Day, long Household, long Conversation, short Channel, short Topic, short Commune, short Category);
}
