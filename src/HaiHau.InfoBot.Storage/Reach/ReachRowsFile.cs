using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace HaiHau.InfoBot.Storage.Reach;

/// <summary>
/// The report's in-memory copy of the counted reach rows (<see cref="ReachRows"/>) kept on disk beside the SQLite
/// file («…db.reach-rows»), so a restart reads the rows appended since it was written instead of the whole log
/// (issue 15: at 1 M rows reading the log costs about 1.5 s of CPU; this file about 30 ms). The log stays the only truth:
/// the file names the last row and the last erasure it holds with what they contained (day, conversation, time), and is
/// believed only when the database still holds exactly those; a restored backup, another database or a damaged file
/// misses and the log is read whole. Erasing a resident deletes the file (<see cref="ConversationEraser.ScrubFilesAsync"/>),
/// since it holds the household link the erasure cleared; the next warm-up writes it again without it.
/// PostgreSQL reads the log whole for each report (<see cref="ReachReport"/>), so it has no file.
/// </summary>
public static class ReachRowsFile
{
    private const int Magic = 0x31525248; // "HRR1"

    /// <summary>Where the file of this database lives; null for PostgreSQL and in-memory databases.</summary>
    public static string? PathFor(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite)
        {
            return null;
        }

        var builder = new SqliteConnectionStringBuilder(sqlite.ConnectionString);
        var file = builder.DataSource;
        return builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(file) || file == ":memory:" || file.StartsWith("file:", StringComparison.Ordinal)
            ? null
            : Path.GetFullPath(file) + ".reach-rows";
    }

    /// <summary>Deletes the file of this database, if any: after an erasure, so no copy of the cleared link survives on disk.</summary>
    public static void Discard(DbConnection connection)
    {
        if (PathFor(connection) is { } path)
        {
            File.Delete(path);
        }
    }

    /// <summary>Writes the rows to a temporary file and moves it into place, so a reader never sees half a file.</summary>
    internal static void Save(ReachRows rows, DbConnection connection, string path)
    {
        var state = rows.State;
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream))
        {
            writer.Write(Magic);
            writer.Write(Marshal.SizeOf<ReachRows.Row>());
            writer.Write(state.LastRow);
            writer.Write(RowFingerprint(connection, state.LastRow));
            writer.Write(state.LastErasure);
            writer.Write(ErasureFingerprint(connection, state.LastErasure));
            writer.Write(state.MaxConversation);
            writer.Write(state.Names.Count);
            foreach (var name in state.Names)
            {
                writer.Write(name);
            }

            writer.Write(state.Rows.Length);
            writer.Write(MemoryMarshal.AsBytes(state.Rows.Span));
        }

        File.Move(temporary, path, overwrite: true);
        if (Scalar(connection, """SELECT COALESCE(MAX("Id"), 0) FROM "reach_erasures" WHERE "Id" > @id""", state.LastErasure) != "0")
        {
            // An erasure committed while the file was written (the eraser deletes the file after its commit, which may
            // have come before the move): the file must not keep the link, so it goes; the next save writes it without.
            File.Delete(path);
        }
    }

    /// <summary>
    /// Fills <paramref name="rows"/> (empty) from the file when it matches this database; false (and the file gone) when
    /// it does not, and the caller reads the log whole.
    /// </summary>
    internal static bool TryLoad(ReachRows rows, DbConnection connection, string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            using var reader = new BinaryReader(stream);
            if (reader.ReadInt32() != Magic || reader.ReadInt32() != Marshal.SizeOf<ReachRows.Row>())
            {
                return Reject(path);
            }

            var lastRow = reader.ReadInt64();
            if (reader.ReadString() != RowFingerprint(connection, lastRow))
            {
                return Reject(path);
            }

            var lastErasure = reader.ReadInt64();
            if (reader.ReadString() != ErasureFingerprint(connection, lastErasure))
            {
                return Reject(path);
            }

            var maxConversation = reader.ReadInt64();
            var nameCount = reader.ReadInt32();
            if (nameCount is < 0 or > short.MaxValue)
            {
                return Reject(path); // codes are shorts: a damaged count must not allocate
            }

            var names = new List<string>(nameCount);
            for (var i = 0; i < nameCount; i++)
            {
                names.Add(reader.ReadString());
            }

            var count = reader.ReadInt32();
            if (count < 0 || (long)count * Marshal.SizeOf<ReachRows.Row>() != stream.Length - stream.Position)
            {
                return Reject(path);
            }

            var data = new ReachRows.Row[count + (count / 8) + 1024]; // room for the rows that arrive before the next growth
            reader.BaseStream.ReadExactly(MemoryMarshal.AsBytes(data.AsSpan(0, count)));
            rows.Restore(new ReachRows.Snapshot(lastRow, lastErasure, maxConversation, names, default), data, count);
            return true;
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or FormatException or ArgumentException or OverflowException)
        {
            return Reject(path);
        }
    }

    private static bool Reject(string path)
    {
        File.Delete(path);
        return false;
    }

    // What the database holds under the file's last row and last erasure: a restored backup or another database with
    // the same ids holds other days, conversations and times there (or nothing), and the file is not believed.
    private static string RowFingerprint(DbConnection connection, long id) =>
        id == 0 ? "" : Scalar(connection, """SELECT "Day" || ':' || "ConversationId" || ':' || "At" FROM "reach_log" WHERE "Id" = @id""", id);

    private static string ErasureFingerprint(DbConnection connection, long id) =>
        id == 0 ? "" : Scalar(connection, """SELECT "ConversationId" FROM "reach_erasures" WHERE "Id" = @id""", id);

    private static string Scalar(DbConnection connection, string sql, long id)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        ReachRows.Add(command, "@id", id);
        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture) ?? "";
    }
}
