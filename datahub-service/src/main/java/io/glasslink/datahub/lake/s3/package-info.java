/** The lake store on S3 (AWS SDK for Java v2): single or multipart puts, listing, record-count metadata. */
package io.glasslink.datahub.lake.s3;
