namespace HaiHau.InfoBot.Core.Understanding;

/// <summary>
/// A fixed list of names, each found by its text, packed for memory (issue 15's idle target): every name's characters in
/// one block and an open-addressed table of ids, instead of a string object and a dictionary entry each. The feature
/// spaces read back at start hold some 23,000 names (word pairs, letter trigrams); as strings in dictionaries they cost
/// about 60 bytes each, here about 30. Read-only: spaces being learned keep a dictionary.
/// </summary>
internal sealed class PackedNames
{
    private readonly char[] _text;
    private readonly int[] _starts; // name i is _text[_starts[i] .. _starts[i + 1])
    private readonly int[] _slots;  // id + 1 at the slot its hash leads to (linear probing), 0 where empty
    private readonly int _mask;

    private PackedNames(char[] text, int[] starts, int[] slots)
    {
        _text = text;
        _starts = starts;
        _slots = slots;
        _mask = slots.Length - 1;
    }

    public int Count => _starts.Length - 1;

    /// <summary>The names in id order, as given (a name given twice keeps its first id, as a dictionary would refuse it).</summary>
    public static PackedNames From(IReadOnlyList<string> names)
    {
        var starts = new int[names.Count + 1];
        var length = 0;
        for (var i = 0; i < names.Count; i++)
        {
            starts[i] = length;
            length += names[i].Length;
        }

        starts[^1] = length;
        var text = new char[length];
        for (var i = 0; i < names.Count; i++)
        {
            names[i].CopyTo(text.AsSpan(starts[i]));
        }

        // At most half full, so a probe for a name that is not there stops after a few slots.
        var size = 2;
        while (size < names.Count * 2)
        {
            size *= 2;
        }

        var packed = new PackedNames(text, starts, new int[size]);
        for (var id = 0; id < names.Count; id++)
        {
            var slot = packed.SlotOf(names[id]);
            if (packed._slots[slot] == 0)
            {
                packed._slots[slot] = id + 1;
            }
        }

        return packed;
    }

    public bool TryGetId(ReadOnlySpan<char> name, out int id)
    {
        var found = _slots[SlotOf(name)];
        id = found - 1;
        return found != 0;
    }

    public string Name(int id) => new(_text.AsSpan(_starts[id], _starts[id + 1] - _starts[id]));

    /// <summary>The slot holding this name, or the empty slot where it would go.</summary>
    private int SlotOf(ReadOnlySpan<char> name)
    {
        var slot = string.GetHashCode(name) & _mask;
        while (_slots[slot] is var found && found != 0 && !NameOf(found - 1).SequenceEqual(name))
        {
            slot = (slot + 1) & _mask;
        }

        return slot;
    }

    private ReadOnlySpan<char> NameOf(int id) => _text.AsSpan(_starts[id], _starts[id + 1] - _starts[id]);
}
