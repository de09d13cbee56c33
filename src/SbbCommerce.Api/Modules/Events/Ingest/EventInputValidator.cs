using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace SbbCommerce.Api.Modules.Events.Ingest;

/// <summary>
/// The per-item rules of API.md's POST /events. Whether the caller carries a user token travels in the root
/// context data (<see cref="ForCaller"/>), since the token, not the body, supplies the user.
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

    public EventInputValidator(IOptions<EventsOptions> options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxPropertiesBytes = options.Value.MaxPropertiesBytes;

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
            .Must(p => Encoding.UTF8.GetByteCount(p!.Value.GetRawText()) <= maxPropertiesBytes)
            .WithMessage($"At most {maxPropertiesBytes} bytes of JSON.")
            .When(e => e.Properties is not null);
        RuleFor(e => e.ClientTimestamp)
            .Must(at => at <= timeProvider.GetUtcNow() + FutureTolerance)
            .WithMessage($"Is more than {FutureTolerance.TotalMinutes} minutes in the future.")
            .When(e => e.ClientTimestamp is not null);
    }

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
