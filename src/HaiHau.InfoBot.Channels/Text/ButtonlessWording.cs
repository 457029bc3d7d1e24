using System.Text.RegularExpressions;

namespace HaiHau.InfoBot.Channels.Text;

/// <summary>
/// Dialog texts are written for channels with buttons («Bác bấm một nút, hoặc gõ số thứ tự»). A channel that shows
/// choices as a numbered list (Zalo consultation messages, the terminal) rewrites those sentences to ask for the
/// number only, so dialogs never name a channel. Only phrasings the dialogs and the engine actually use are listed;
/// any other text passes unchanged.
/// </summary>
public static partial class ButtonlessWording
{
    public static string Rewrite(string text)
    {
        // The menu's prompt ends bare; «gõ số thứ tự» alone would not say of what.
        text = text.Replace("Bác bấm một nút, hoặc gõ số thứ tự.", "Bác gõ số thứ tự của mục bác chọn.", StringComparison.Ordinal);
        // «bấm một nút bên dưới, hoặc gõ số …», «bấm vào tin bác muốn xem, hoặc gõ số thứ tự của tin …» → «gõ số …».
        text = PressOrType().Replace(text, "gõ ");
        // «bấm «Về menu chính» hoặc gõ «menu»» → «gõ «menu»».
        text = PressLabelOrType().Replace(text, "gõ ");
        // «Bác bấm vào khóa muốn xem kỹ:» over a numbered list → «Bác gõ số thứ tự của khóa muốn xem kỹ:».
        return PressOnItem().Replace(text, "gõ số thứ tự của ${item} muốn xem");
    }

    [GeneratedRegex(@"bấm (một nút( bên dưới)?|vào [^,.]{1,40}), hoặc gõ ")]
    private static partial Regex PressOrType();

    [GeneratedRegex(@"bấm «[^»]{1,40}» hoặc gõ ")]
    private static partial Regex PressLabelOrType();

    [GeneratedRegex(@"bấm vào (?<item>\w+) muốn xem")]
    private static partial Regex PressOnItem();
}
