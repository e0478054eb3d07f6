import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, IsUrl, MaxLength } from 'class-validator';
import { Trim } from '@cohesion/common';

@ArgsType()
export class ImportOpenReferralFeedArgs {
  @Field({
    description:
      'The base address of the feed, e.g. https://example.org/openreferral/v3 (the import reads {url}/services and ' +
      'each {url}/services/{id}). Loopback and private-network addresses are refused.',
  })
  @Trim()
  @IsString()
  @MaxLength(500)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'must be a web address starting http:// or https://' },
  )
  url: string;
}
