using System.Globalization;
using HaiHau.InfoBot.Core.Text;

namespace HaiHau.InfoBot.Core.Dialogs.Nodes;

/// <summary>
/// Asks for a number written any way residents write it: "4", "1,5 triệu", "1tr5", "800k", "một triệu hai".
/// <code>
/// - id: hoi-thu-nhap
///   type: ask_number
///   text: "Tổng thu nhập cả hộ một tháng khoảng bao nhiêu?"
///   var: thu_nhap
///   min: 0
///   max: 1000000000
///   integer: true
/// </code>
/// </summary>
public sealed class AskNumberNode : PromptNode
{
    public static readonly string[] Fields = [.. NodeSeed.CommonFields, .. NodeSeed.PromptFields, "min", "max", "integer"];

    public override string Type => "ask_number";

    public decimal? Min { get; init; }

    public decimal? Max { get; init; }

    public bool Integer { get; init; }

    protected override string DefaultRetryText => "Bác gõ một con số giúp cháu nhé, ví dụ: 4 hoặc 1,5 triệu.";

    public static DialogNode Read(NodeSeed seed)
    {
        var node = new AskNumberNode
        {
            Id = seed.Id,
            Location = seed.Location,
            Next = seed.Next,
            Spec = PromptSpec.Read(seed),
            Min = seed.Reader.OptionalDecimal(seed.Map, "min"),
            Max = seed.Reader.OptionalDecimal(seed.Map, "max"),
            Integer = seed.Reader.OptionalBool(seed.Map, "integer") ?? false,
        };
        if (node.Min > node.Max)
        {
            seed.Reader.Report(seed.At("min"), $"min {node.Min} is greater than max {node.Max}");
        }

        return node;
    }

    protected override Answer? Recognize(TurnContext turn)
    {
        // Only what is told of today counts (SaidOfToday): without a number for today it is asked again, not the old one taken.
        var text = SaidOfToday.Part(turn.Input.Text) ?? turn.Input.Text;
        if ((SaidInHundreds(text) ?? VietnameseNumber.Parse(text) ?? Middle(text)) is not { } value
            || (Integer && value != decimal.Truncate(value))
            || value < Min || value > Max)
        {
            return null;
        }

        return new Answer(value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The middle of a range of amounts («khoảng 7 8 triệu»: 7.500.000), where an amount is asked (not a count): an
    /// estimate needs one number, and asking again for what the resident does not know more exactly helps nobody.
    /// </summary>
    private decimal? Middle(string? text) =>
        !Integer && VietnameseNumber.ParseRange(text) is var (low, high) ? Math.Round((low + high) / 2) : null;


    /// <summary>
    /// «bảy trăm rưỡi», «tháng được 8 trăm»: an amount said in hundreds with no «nghìn» means thousands, as people say it
    /// (750.000 đồng); read as 750 đồng it was asked again as too little.
    /// </summary>
    private decimal? SaidInHundreds(string? text)
    {
        if (Integer || VietnameseNumber.Parse(text) is not { } value || value is <= 0 or >= 1000)
        {
            return null;
        }

        var words = VietnameseText.Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Contains("tram") && !words.Any(w => w is "dong" or "d" or "nghin" or "ngan" or "k") ? value * 1000 : null;
    }

    /// <summary>Says which number was taken from a range, so the resident sees what the estimate uses.</summary>
    protected override void Accepted(TurnContext turn, Answer answer)
    {
        var today = SaidOfToday.Part(turn.Input.Text);
        var text = today ?? turn.Input.Text;
        var value = decimal.Parse(answer.Value, CultureInfo.InvariantCulture);
        if (turn.Input.Payload is null && today is not null)
        {
            turn.Say($"Dạ, cháu tính theo bây giờ: {(Integer ? VietnameseFormat.Number(value) : VietnameseFormat.Money(value))}.");
            return;
        }

        if (turn.Input.Payload is null && SaidInHundreds(text) is { } thousands)
        {
            turn.Say($"Dạ, cháu hiểu là {VietnameseFormat.Money(thousands)}.");
            return;
        }

        if (turn.Input.Payload is null && VietnameseNumber.Parse(text) is null && VietnameseNumber.ParseRange(text) is var (low, high))
        {
            turn.Say($"Dạ, bác nói khoảng {VietnameseFormat.Number(low)} đến {VietnameseFormat.Money(high)}, cháu lấy số ở giữa: {VietnameseFormat.Money(value)}.");
        }
    }
}
