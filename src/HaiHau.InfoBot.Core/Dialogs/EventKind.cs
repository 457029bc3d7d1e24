namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>
/// A kind of turn event. Only <see cref="EventKinds"/> makes them, so whoever listens for one (the reach log, the
/// statistics, the store's writers) names the very object the engine emits: a consumer cannot wait for a kind that
/// does not exist, as the reach log once waited for "faq_answered" while the engine said "question_answered".
/// <see cref="Name"/> is what the event log stores; <see cref="EventKinds.Find"/> reads it back.
/// </summary>
public sealed class EventKind
{
    internal EventKind(string name) => Name = name;

    /// <summary>snake_case, past tense (goflow style): the stored form.</summary>
    public string Name { get; }

    public override string ToString() => Name;
}
