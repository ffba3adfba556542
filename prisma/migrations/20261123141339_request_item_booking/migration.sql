-- The booking an item belongs to within its request (extra days are cancelled per child and booking).
-- Existing items get 0: every request made so far counts as one booking, cancelled per child as before.
-- AlterTable
ALTER TABLE "RequestItem" ADD COLUMN     "booking" INTEGER NOT NULL DEFAULT 0;
