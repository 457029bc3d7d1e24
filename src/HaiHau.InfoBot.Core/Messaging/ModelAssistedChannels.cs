namespace HaiHau.InfoBot.Core.Messaging;

/// <summary>
/// Where a typed question may be sent (its words only) to a language model service that helps compose the answer: the
/// host's optional answerer (issue 17), on the channels it composes for (<see cref="Dialogs.EngineOptions.ModelAssistedChannels"/>).
/// The greeting tells residents so there, and only there (Luật 91/2025/QH15: say what goes where before it goes).
/// Dialogs ask through read-only variables, as with <see cref="PhoneNotifyChannels"/>.
/// </summary>
public static class ModelAssistedChannels
{
    /// <summary>"yes" in this conversation when its typed questions may go to a language model service, otherwise empty.</summary>
    public const string Variable = "kenh_dung_mo_hinh";

    /// <summary>Who runs that service (InfoBot:Answerer:OperatorName), on those channels; empty when not named.</summary>
    public const string OperatorVariable = "ben_chay_mo_hinh";

    /// <summary>
    /// Set (scope conversation) by the greeting once it has told the resident; the host composes only for a question
    /// typed after a turn that ended with this set, so a first message that is already a question never reaches the model.
    /// </summary>
    public const string NoticeShownVariable = "da_bao_may_soan";

    /// <summary>The menu's say nodes that tell it (with and without the operator's name): the greeting and the engine share them.</summary>
    public const string NamedNoticeNode = "bao-may-soan-co-ten";

    /// <inheritdoc cref="NamedNoticeNode"/>
    public const string UnnamedNoticeNode = "bao-may-soan-khong-ten";
}
