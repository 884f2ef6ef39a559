-- A category is shared through its networkId alone (docs/decisions/0015-networks.md).
ALTER TABLE "Category" DROP COLUMN "sharedWithNetwork";
