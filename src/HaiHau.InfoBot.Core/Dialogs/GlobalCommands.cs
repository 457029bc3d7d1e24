using HaiHau.InfoBot.Core.Messaging;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs;

public enum GlobalCommand
{
    Menu,
    Back,
    Cancel,
    Handoff,
    Erase,
    OptOut,
    Goodbye,
}

/// <summary>
/// Words that work from anywhere: "menu", "quay lại", "hủy", "gặp cán bộ". A whole message must be the command
/// (after folding), so "tôi muốn thôi việc" is a sentence, not "thôi".
/// </summary>
public static class GlobalCommands
{
    private static readonly Dictionary<string, GlobalCommand> Phrases = Build();

    public static GlobalCommand? Recognise(string? text, string? payload)
    {
        if (payload is not null && Enum.TryParse<GlobalCommand>(payload, ignoreCase: true, out var byButton)
            && Enum.IsDefined(byButton))
        {
            return byButton;
        }

        var folded = VietnameseText.Fold(text);
        return Phrases.TryGetValue(folded, out var command) ? command : null;
    }

    /// <summary>Buttons that trigger commands; their ids are the command names, understood in any state.</summary>
    public static IReadOnlyList<QuickReply> Buttons(params GlobalCommand[] commands) =>
        commands.Select(c => new QuickReply(c.ToString().ToLowerInvariant(), Label(c))).ToList();

    public static string Label(GlobalCommand command) => command switch
    {
        GlobalCommand.Menu => "Về menu chính",
        GlobalCommand.Back => "Quay lại",
        GlobalCommand.Cancel => "Hủy",
        GlobalCommand.Erase => "Xóa dữ liệu của tôi",
        GlobalCommand.OptOut => "Dừng nhận tin",
        GlobalCommand.Goodbye => "Chào tạm biệt",
        _ => "Gặp cán bộ",
    };

    private static Dictionary<string, GlobalCommand> Build()
    {
        var table = new (GlobalCommand Command, string[] Phrases)[]
        {
            (GlobalCommand.Menu, ["menu", "/menu", "start", "/start", "bắt đầu", "bắt đầu lại", "về menu", "về menu chính", "menu chính", "danh mục", "trang chủ", "mục lục"]),
            (GlobalCommand.Back, ["quay lại", "trở lại", "lùi lại", "back", "/back", "quay lai buoc truoc"]),
            (GlobalCommand.Cancel, ["hủy", "huỷ", "thôi", "dừng lại", "thôi không hỏi nữa", "cancel", "/cancel", "hủy bỏ", "thoát"]),
            (GlobalCommand.Erase, ["xóa dữ liệu của tôi", "xóa dữ liệu", "xóa thông tin của tôi", "xóa hết dữ liệu", "xóa dữ liệu của mình", "/xoa", "/erase"]),
            // «dừng» alone stops announcements (and the current question); «dừng lại» stays a plain cancel.
            (GlobalCommand.OptOut, ["dừng", "hủy đăng ký", "huỷ đăng ký", "dừng nhận tin", "hủy nhận tin", "thôi nhận tin", "không nhận tin nữa", "stop", "/stop"]),
            // A goodbye ends whatever was being asked (a menu waiting for a choice had asked for the choice again).
            (GlobalCommand.Goodbye, ["tạm biệt", "tạm biệt nhé", "tạm biệt cháu", "tạm biệt cháu nhé", "chào tạm biệt", "bye", "bye bye", "goodbye", "hẹn gặp lại"]),
            (GlobalCommand.Handoff, ["gặp cán bộ", "gặp người", "nói chuyện với cán bộ", "cần cán bộ", "gọi cán bộ", "hỏi cán bộ", "liên hệ cán bộ", "gặp người thật", "tổng đài", "/canbo", "handoff"]),
        };
        var phrases = new Dictionary<string, GlobalCommand>(StringComparer.Ordinal);
        foreach (var (command, list) in table)
        {
            foreach (var phrase in list)
            {
                phrases[VietnameseText.Fold(phrase)] = command;
            }
        }

        return phrases;
    }
}
