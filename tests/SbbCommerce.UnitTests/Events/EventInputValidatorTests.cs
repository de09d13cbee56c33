using System.Text.Json;
using SbbCommerce.Api.Modules.Events;
using SbbCommerce.Api.Modules.Events.Ingest;

namespace SbbCommerce.UnitTests.Events;

/// <summary>Every rule of POST /events, one row each: the field it names, or none when the event is valid.</summary>
public sealed class EventInputValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly EventInputValidator _validator = new(
        Options.Create(new EventsOptions { MaxPropertiesBytes = 64 }), new FakeTimeProvider(Now));

    private static EventInput Valid => new()
    {
        EventName = "product.view",
        EventCategory = "product",
        SessionId = "session-1",
        AnonymousId = "visitor-0001",
    };

    private static readonly Dictionary<string, (EventInput Input, string? Field)> Table = new()
    {
        ["valid"] = (Valid, null),
        ["valid with detail"] = (Valid with { EventName = "page.scroll.50", EventCategory = "page" }, null),
        ["valid with properties"] = (Valid with { Properties = Json("{\"price\":2500}") }, null),
        ["name missing"] = (Valid with { EventName = null }, "eventName"),
        ["name one part"] = (Valid with { EventName = "product", EventCategory = "product" }, "eventName"),
        ["name four parts"] = (Valid with { EventName = "page.scroll.50.more", EventCategory = "page" }, "eventName"),
        ["name upper case"] = (Valid with { EventName = "product.View" }, "eventName"),
        ["name with dash"] = (Valid with { EventName = "product.quick-view" }, "eventName"),
        ["name too long"] = (Valid with { EventName = "product." + new string('a', 100) }, "eventName"),
        ["unknown category"] = (Valid with { EventName = "promo.view", EventCategory = "promo" }, "eventName"),
        ["category missing"] = (Valid with { EventCategory = null }, "eventCategory"),
        ["category differs from name"] = (Valid with { EventCategory = "page" }, "eventCategory"),
        ["session missing"] = (Valid with { SessionId = null }, "sessionId"),
        ["session too long"] = (Valid with { SessionId = new string('s', 101) }, "sessionId"),
        ["session blank"] = (Valid with { SessionId = "   " }, "sessionId"),
        ["no actor"] = (Valid with { AnonymousId = null }, "anonymousId"),
        ["anonymous id too short"] = (Valid with { AnonymousId = "short" }, "anonymousId"),
        ["anonymous id with space"] = (Valid with { AnonymousId = "visitor 0001" }, "anonymousId"),
        ["anonymous id not ascii"] = (Valid with { AnonymousId = "visitor-\u00fc001" }, "anonymousId"),
        ["anonymous id too long"] = (Valid with { AnonymousId = new string('v', 101) }, "anonymousId"),
        ["page url too long"] = (Valid with { PageUrl = "https://x/" + new string('a', EventInputValidator.MaxUrlLength) }, "pageUrl"),
        ["referrer too long"] = (Valid with { ReferrerUrl = "https://x/" + new string('a', EventInputValidator.MaxUrlLength) }, "referrerUrl"),
        ["page title too long"] = (Valid with { PageTitle = new string('t', 256) }, "pageTitle"),
        ["utm source too long"] = (Valid with { UtmSource = new string('u', 101) }, "utmSource"),
        ["utm medium too long"] = (Valid with { UtmMedium = new string('u', 101) }, "utmMedium"),
        ["utm campaign too long"] = (Valid with { UtmCampaign = new string('u', 101) }, "utmCampaign"),
        ["utm term too long"] = (Valid with { UtmTerm = new string('u', 101) }, "utmTerm"),
        ["utm content too long"] = (Valid with { UtmContent = new string('u', 101) }, "utmContent"),
        ["screen too long"] = (Valid with { ScreenResolution = new string('1', 21) }, "screenResolution"),
        ["properties an array"] = (Valid with { Properties = Json("[1,2]") }, "properties"),
        ["properties a string"] = (Valid with { Properties = Json("\"x\"") }, "properties"),
        ["properties with ordinary numbers"] = (Valid with { Properties = Json("{\"e\":1.5E3,\"f\":-2e-300,\"g\":12345678901234567890,\"h\":1e+5}") }, null),
        ["properties number past a double"] = (Valid with { Properties = Json("{\"n\":1e309}") }, "properties"),
        ["properties number overflowing numeric"] = (Valid with { Properties = Json("{\"n\":[1e1000000]}") }, "properties"),
        ["properties number too small"] = (Valid with { Properties = Json("{\"n\":1e-20000}") }, "properties"),
        ["properties exponent past an int"] = (Valid with { Properties = Json("{\"n\":1e-99999999999}") }, "properties"),
        ["properties too big"] = (Valid with { Properties = Json("{\"a\":\"" + new string('x', 60) + "\"}") }, "properties"),
        ["client clock slightly ahead"] = (Valid with { ClientTimestamp = Now.AddMinutes(5) }, null),
        ["client clock far ahead"] = (Valid with { ClientTimestamp = Now.AddHours(2) }, "clientTimestamp"),
        ["client time in the past"] = (Valid with { ClientTimestamp = Now.AddDays(-3) }, null),
    };

    public static TheoryData<string> Cases => [.. Table.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_an_anonymous_event_When_validated_Then_only_the_broken_rule_is_reported(string @case)
    {
        var (input, field) = Table[@case];
        var errors = ErrorFields(input, authenticated: false);

        Assert.True(field is null ? errors.Count == 0 : errors.SequenceEqual([field]), $"{@case}: {string.Join(", ", errors)}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Given_an_event_When_checked_on_the_allocation_free_path_Then_its_verdict_is_the_rules_verdict(string @case)
    {
        var (input, _) = Table[@case];

        foreach (var authenticated in new[] { false, true })
        {
            var rules = _validator.Validate(EventInputValidator.ForCaller(input, authenticated)).IsValid;
            Assert.True(rules == _validator.IsPlainlyValid(input, authenticated, Now), $"{@case} (signed in: {authenticated}): the rules say {rules}");
        }
    }

    [Fact]
    public void Given_a_signed_in_caller_When_the_event_has_no_anonymous_id_Then_it_is_valid()
    {
        Assert.Empty(ErrorFields(Valid with { AnonymousId = null }, authenticated: true));
    }

    private List<string> ErrorFields(EventInput input, bool authenticated) =>
        _validator.Validate(EventInputValidator.ForCaller(input, authenticated)).Errors
            .Select(e => char.ToLowerInvariant(e.PropertyName[0]) + e.PropertyName[1..]).Distinct().ToList();

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
