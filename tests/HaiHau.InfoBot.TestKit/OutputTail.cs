namespace HaiHau.InfoBot.TestKit;

/// <summary>
/// The last lines a child process wrote, kept so a failed start can say why (the host's own error is in them).
/// Lines arrive on the process's reader threads, hence the lock.
/// </summary>
public sealed class OutputTail(int lines)
{
    private readonly Queue<string> _lines = new();

    public void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lines)
        {
            _lines.Enqueue(line);
            if (_lines.Count > lines)
            {
                _lines.Dequeue();
            }
        }
    }

    public string Text()
    {
        lock (_lines)
        {
            return string.Join('\n', _lines);
        }
    }
}
