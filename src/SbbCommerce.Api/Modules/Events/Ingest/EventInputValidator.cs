using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>
/// The per-item rules of API.md's POST /events. Whether the caller carries a user token travels in the root
/// context data (<see cref="ForCaller"/>), since the token, not the body, supplies the user. A burst validates tens of
/// thousands of events a second and nearly all are valid, so <see cref="IsPlainlyValid"/> checks the same rules without
/// allocating and the FluentValidation rules run only for an item it does not pass, to say what is wrong (the unit
/// tests hold the two to the same verdict on every rule).
/// </summary>
internal sealed partial class EventInputValidator : AbstractValidator<EventInput>
{
    public static readonly IReadOnlySet<string> Categories =
        new HashSet<string>(["page", "user", "product", "cart", "checkout", "order", "payment", "system"], StringComparer.Ordinal);

    /// <summary>Client clocks drift; beyond this the timestamp is not a drift but nonsense.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(10);

    /// <summary>URLs are TEXT in the schema; this keeps one event from carrying a novel.</summary>
    public const int MaxUrlLength = 2048;

    private const string AuthenticatedKey = "authenticated";

    private readonly int _maxPropertiesBytes;

    public EventInputValidator(IOptions<EventsOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxPropertiesBytes = _maxPropertiesBytes = options.Value.MaxPropertiesBytes;

        RuleFor(e => e.EventName).Cascade(CascadeMode.Stop).NotEmpty().MaximumLength(100)
            .Must(name => NamePattern().IsMatch(name!))
            .WithMessage("Must be {category}.{action}[.{detail}] in lowercase letters, digits and _.")
            .Must(name => Categories.Contains(name!.Split('.')[0]))
            .WithMessage($"The first part must be one of {string.Join(", ", Categories)}.");
        RuleFor(e => e.EventCategory).Cascade(CascadeMode.Stop).NotEmpty()
            .Must((e, category) => e.EventName is null || category == e.EventName.Split('.')[0])
            .WithMessage("Must equal the first part of eventName.");
        RuleFor(e => e.SessionId).NotEmpty().MaximumLength(100);
        RuleFor(e => e.AnonymousId).Cascade(CascadeMode.Stop)
            .Must((_, anonymousId, context) => context.RootContextData.ContainsKey(AuthenticatedKey) || anonymousId is not null)
            .WithMessage("An anonymous visitor sends X-Anonymous-Id or anonymousId.")
            .Length(8, 100)
            .Must(id => id!.All(c => c is > ' ' and < (char)127)).WithMessage("Printable ASCII without spaces.")
            .When(e => e.AnonymousId is not null, ApplyConditionTo.CurrentValidator);
        RuleFor(e => e.PageUrl).MaximumLength(MaxUrlLength);
        RuleFor(e => e.ReferrerUrl).MaximumLength(MaxUrlLength);
        RuleFor(e => e.PageTitle).MaximumLength(255);
        RuleFor(e => e.UtmSource).MaximumLength(100);
        RuleFor(e => e.UtmMedium).MaximumLength(100);
        RuleFor(e => e.UtmCampaign).MaximumLength(100);
        RuleFor(e => e.UtmTerm).MaximumLength(100);
        RuleFor(e => e.UtmContent).MaximumLength(100);
        RuleFor(e => e.ScreenResolution).MaximumLength(20);
        RuleFor(e => e.Properties).Cascade(CascadeMode.Stop)
            .Must(p => p!.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Null).WithMessage("Must be a JSON object.")
            .Must(p => JsonMarshal.GetRawUtf8Value(p!.Value).Length <= maxPropertiesBytes)
            .WithMessage($"At most {maxPropertiesBytes} bytes of JSON.")
            .Must(p => JsonNumbers.AreStorable(p!.Value)).WithMessage(JsonNumbers.Message)
            .When(e => e.Properties is not null);
        RuleFor(e => e.ClientTimestamp)
            .Must(at => at <= timeProvider.GetUtcNow() + FutureTolerance)
            .WithMessage($"Is more than {FutureTolerance.TotalMinutes} minutes in the future.")
            .When(e => e.ClientTimestamp is not null);
    }

    /// <summary>
    /// True when every rule above holds; false when one may not (then <c>Validate</c> says which). Allocates nothing.
    /// </summary>
    public bool IsPlainlyValid(EventInput input, bool authenticated, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var name = input.EventName;
        var category = input.EventCategory;
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100 || !NamePattern().IsMatch(name)
            || string.IsNullOrWhiteSpace(category) || !Categories.Contains(category)
            || name.Length <= category.Length || name[category.Length] != '.' || !name.StartsWith(category, StringComparison.Ordinal))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(input.SessionId) || input.SessionId.Length > 100)
        {
            return false;
        }

        if (input.AnonymousId is { } anonymousId
                ? anonymousId.Length is < 8 or > 100 || anonymousId.AsSpan().ContainsAnyExceptInRange('!', '~')
                : !authenticated)
        {
            return false;
        }

        return Within(input.PageUrl, MaxUrlLength) && Within(input.ReferrerUrl, MaxUrlLength) && Within(input.PageTitle, 255)
            && Within(input.UtmSource, 100) && Within(input.UtmMedium, 100) && Within(input.UtmCampaign, 100)
            && Within(input.UtmTerm, 100) && Within(input.UtmContent, 100) && Within(input.ScreenResolution, 20)
            && (input.Properties is not { } properties
                || (properties.ValueKind is JsonValueKind.Object or JsonValueKind.Null
                    && JsonMarshal.GetRawUtf8Value(properties).Length <= _maxPropertiesBytes
                    && JsonNumbers.AreStorable(properties)))
            && (input.ClientTimestamp is not { } at || at <= now + FutureTolerance);
    }

    private static bool Within(string? value, int maxLength) => value is null || value.Length <= maxLength;

    /// <summary>A validation context that knows whether the caller is a signed-in user.</summary>
    public static ValidationContext<EventInput> ForCaller(EventInput input, bool authenticated)
    {
        var context = new ValidationContext<EventInput>(input);
        if (authenticated)
        {
            context.RootContextData[AuthenticatedKey] = true;
        }

        return context;
    }

    [GeneratedRegex("^[a-z0-9_]+\\.[a-z0-9_]+(\\.[a-z0-9_]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamePattern();
}
