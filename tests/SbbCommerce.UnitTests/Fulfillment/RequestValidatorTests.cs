using FluentValidation.TestHelper;
using SbbCommerce.Api.Modules.Fulfillment.Create;
using SbbCommerce.Api.Modules.Fulfillment.Returns;
using SbbCommerce.Api.Modules.Fulfillment.Ship;

namespace SbbCommerce.UnitTests.Fulfillment;

public sealed class RequestValidatorTests
{
    [Fact]
    public void Given_a_line_twice_with_the_same_batch_When_validating_a_fulfilment_Then_it_is_refused_but_two_batches_pass()
    {
        var line = Guid.NewGuid();
        var batch = Guid.NewGuid();
        var validator = new CreateFulfillmentRequestValidator();

        validator.TestValidate(new CreateFulfillmentRequest([new(line, 1, batch), new(line, 1, batch)])).ShouldHaveValidationErrorFor(r => r.Items);
        validator.TestValidate(new CreateFulfillmentRequest([new(line, 1, batch), new(line, 1, Guid.NewGuid())])).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(new CreateFulfillmentRequest([])).ShouldHaveValidationErrorFor(r => r.Items);
        validator.TestValidate(new CreateFulfillmentRequest([new(line, 0, null)])).ShouldHaveAnyValidationError();
    }

    [Fact]
    public void Given_a_tracking_url_that_is_not_http_When_validating_a_shipment_Then_it_is_refused()
    {
        var validator = new ShipFulfillmentRequestValidator();

        validator.TestValidate(new ShipFulfillmentRequest("usps", "ground", "1Z", "javascript:alert(1)")).ShouldHaveValidationErrorFor(r => r.TrackingUrl);
        validator.TestValidate(new ShipFulfillmentRequest("usps", "ground", "1Z", "https://t.example/1Z")).ShouldNotHaveAnyValidationErrors();
        validator.TestValidate(new ShipFulfillmentRequest(null, null, null, null)).ShouldNotHaveAnyValidationErrors(); // the label's values
    }

    [Fact]
    public void Given_a_return_without_reason_or_with_a_line_twice_When_validating_Then_it_is_refused()
    {
        var line = Guid.NewGuid();
        var validator = new ReturnRequestValidator();

        validator.TestValidate(new ReturnRequest([new(line, 1)], true, "")).ShouldHaveValidationErrorFor(r => r.Reason);
        validator.TestValidate(new ReturnRequest([new(line, 1), new(line, 2)], true, "x")).ShouldHaveValidationErrorFor(r => r.Items);
        validator.TestValidate(new ReturnRequest([new(line, 1)], false, "damaged")).ShouldNotHaveAnyValidationErrors();
    }
}
