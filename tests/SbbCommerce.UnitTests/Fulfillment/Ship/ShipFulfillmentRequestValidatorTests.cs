using SbbCommerce.Api.Modules.Fulfillment.Ship;

namespace SbbCommerce.UnitTests.Fulfillment.Ship;

public sealed class ShipFulfillmentRequestValidatorTests
{
    private readonly ShipFulfillmentRequestValidator _validator = new();

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://t.example/1Z")]
    [InlineData("/relative/1Z")]
    public void Given_a_tracking_url_that_is_not_absolute_http_When_validating_Then_it_is_refused(string url)
    {
        _validator.TestValidate(new ShipFulfillmentRequest("usps", "ground", "1Z", url)).ShouldHaveValidationErrorFor(r => r.TrackingUrl);
    }

    [Fact]
    public void Given_an_https_tracking_url_When_validating_Then_it_passes()
    {
        _validator.TestValidate(new ShipFulfillmentRequest("usps", "ground", "1Z", "https://t.example/1Z")).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_nothing_When_validating_Then_it_passes_because_the_label_gives_the_values()
    {
        _validator.TestValidate(new ShipFulfillmentRequest(null, null, null, null)).ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_a_carrier_longer_than_50_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ShipFulfillmentRequest(new string('c', 51), "ground", "1Z", null)).ShouldHaveValidationErrorFor(r => r.Carrier);
    }

    [Fact]
    public void Given_a_tracking_number_longer_than_100_When_validating_Then_it_is_refused()
    {
        _validator.TestValidate(new ShipFulfillmentRequest("usps", "ground", new string('1', 101), null)).ShouldHaveValidationErrorFor(r => r.TrackingNumber);
    }
}
