using SbbCommerce.Api.Modules.Fulfillment.Create;

namespace SbbCommerce.UnitTests.Fulfillment.Create;

public sealed class CreateFulfillmentRequestValidatorTests
{
    private readonly CreateFulfillmentRequestValidator _validator = new();

    [Fact]
    public void Given_a_line_twice_with_the_same_batch_When_validating_Then_items_are_refused()
    {
        var (line, batch) = (Guid.NewGuid(), Guid.NewGuid());

        _validator.TestValidate(new CreateFulfillmentRequest([new(line, 1, batch), new(line, 1, batch)])).ShouldHaveValidationErrorFor(r => r.Items);
    }

    [Fact]
    public void Given_a_line_twice_with_two_batches_When_validating_Then_it_passes()
    {
        var line = Guid.NewGuid();

        _validator.TestValidate(new CreateFulfillmentRequest([new(line, 1, Guid.NewGuid()), new(line, 1, Guid.NewGuid())]))
            .ShouldNotHaveAnyValidationErrors();
    }

    [Fact]
    public void Given_no_items_When_validating_Then_items_are_refused()
    {
        _validator.TestValidate(new CreateFulfillmentRequest([])).ShouldHaveValidationErrorFor(r => r.Items);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_001)]
    public void Given_a_quantity_out_of_range_When_validating_Then_the_quantity_is_refused(int quantity)
    {
        _validator.TestValidate(new CreateFulfillmentRequest([new(Guid.NewGuid(), quantity, null)])).ShouldHaveValidationErrorFor("Items[0].Quantity");
    }

    [Fact]
    public void Given_an_empty_batch_id_When_validating_Then_the_batch_is_refused()
    {
        _validator.TestValidate(new CreateFulfillmentRequest([new(Guid.NewGuid(), 1, Guid.Empty)])).ShouldHaveValidationErrorFor("Items[0].BatchId");
    }

    [Fact]
    public void Given_201_items_When_validating_Then_items_are_refused()
    {
        var items = Enumerable.Range(0, 201).Select(_ => new CreateFulfillmentItem(Guid.NewGuid(), 1, null)).ToList();

        _validator.TestValidate(new CreateFulfillmentRequest(items)).ShouldHaveValidationErrorFor(r => r.Items);
    }
}
