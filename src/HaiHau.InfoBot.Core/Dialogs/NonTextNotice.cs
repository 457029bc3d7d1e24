using HaiHau.InfoBot.Core.Messaging;

namespace HaiHau.InfoBot.Core.Dialogs;

/// <summary>What the bot says when a resident sends a photo, a sticker or a voice message: it reads words only.</summary>
public static class NonTextNotice
{
    public static string For(string kind, bool hasCaption)
    {
        if (kind == NonTextContent.ForeignContact)
        {
            // Only a number the platform verified as the resident's own links a household; a forwarded card could be anyone's.
            return "Dạ, cháu chỉ nhận số điện thoại của chính bác thôi ạ, số của người khác cháu không dùng được. "
                + "Bác bấm nút chia sẻ số điện thoại ngay dưới ô nhắn tin, hoặc gõ «không» nếu bác không muốn chia sẻ.";
        }

        var (verb, what) = kind switch
        {
            NonTextContent.Image => ("xem", "ảnh"),
            NonTextContent.Gif => ("xem", "ảnh động"),
            NonTextContent.Sticker => ("xem", "nhãn dán"),
            NonTextContent.Audio => ("nghe", "tin nhắn thoại"),
            NonTextContent.Video => ("xem", "video"),
            NonTextContent.File => ("mở", "tệp"),
            NonTextContent.Location => ("xem", "vị trí"),
            NonTextContent.Link => ("mở", "đường liên kết"),
            NonTextContent.Contact => ("xem", "danh thiếp"),
            _ => ("đọc", "nội dung"),
        };

        return hasCaption
            ? $"Dạ, cháu chưa {verb} được {what} bác gửi, cháu chỉ đọc phần chữ bác viết kèm thôi ạ."
            : $"Dạ, cháu chưa {verb} được {what} bác gửi, cháu chỉ đọc được chữ thôi ạ. Bác gõ câu hỏi bằng chữ giúp cháu nhé.";
    }
}
